import fc from 'fast-check';
import { type ApproverDecision, type ApproverInput, chooseApprover, type HeadLink, mayDecideApproval } from './approval.rules';

const REQ = 'req';
const link = (organisationId: string, headUserId: string | null): HeadLink => ({ organisationId, headUserId });
// area → UR → dependency, and the owner area of the service with its own parents.
const chain = (area: string | null, ur: string | null, dep: string | null) => [link('area', area), link('ur', ur), link('dep', dep)];
const owner = (ownerArea: string | null, ownerUr: string | null = null) => [link('owner-area', ownerArea), link('owner-ur', ownerUr)];

describe('chooseApprover', () => {
  const TABLE: [string, ApproverInput, ApproverDecision][] = [
    [
      'the requester’s own titular',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain('head-area', 'head-ur', null), ownerChain: owner('head-owner') },
      { ok: true, approverId: 'head-area', via: 'requester_unit' },
    ],
    [
      'the nearest titular up when the area has none',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain(null, 'head-ur', 'head-dep'), ownerChain: [] },
      { ok: true, approverId: 'head-ur', via: 'requester_unit' },
    ],
    [
      'requester heads their area: the parent unit’s titular',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain(REQ, 'head-ur', 'head-dep'), ownerChain: owner('head-owner') },
      { ok: true, approverId: 'head-ur', via: 'requester_unit' },
    ],
    [
      'requester heads their area, the UR has none: the dependency’s titular',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain(REQ, null, 'head-dep'), ownerChain: owner('head-owner') },
      { ok: true, approverId: 'head-dep', via: 'requester_unit' },
    ],
    [
      'requester heads area and UR: the dependency’s titular',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain(REQ, REQ, 'head-dep'), ownerChain: [] },
      { ok: true, approverId: 'head-dep', via: 'requester_unit' },
    ],
    [
      'requester is the only titular above: the owner area’s titular',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain(REQ, null, null), ownerChain: owner('head-owner') },
      { ok: true, approverId: 'head-owner', via: 'owner_area' },
    ],
    [
      '… or the titular above the owner area',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain(REQ, null, null), ownerChain: owner(null, 'head-owner-ur') },
      { ok: true, approverId: 'head-owner-ur', via: 'owner_area' },
    ],
    [
      'requester heads their area and the owner area too: refused',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain(REQ, null, null), ownerChain: owner(REQ) },
      { ok: false, reason: 'only_requester' },
    ],
    [
      'requester heads everything, no owner: refused',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain(REQ, REQ, REQ), ownerChain: [] },
      { ok: false, reason: 'only_requester' },
    ],
    [
      'no titular anywhere: refused',
      { approval: 'requester_head', requesterId: REQ, requesterChain: chain(null, null, null), ownerChain: [] },
      { ok: false, reason: 'no_head' },
    ],
    [
      'requester without organisation: the owner area’s titular',
      { approval: 'requester_head', requesterId: REQ, requesterChain: [], ownerChain: owner('head-owner') },
      { ok: true, approverId: 'head-owner', via: 'owner_area' },
    ],
    [
      'catalog owner’s titular',
      { approval: 'catalog_owner', requesterId: REQ, requesterChain: chain('head-area', null, null), ownerChain: owner('head-owner') },
      { ok: true, approverId: 'head-owner', via: 'owner_area' },
    ],
    [
      'requester heads the owner area: the titular above it',
      { approval: 'catalog_owner', requesterId: REQ, requesterChain: chain(REQ, null, null), ownerChain: owner(REQ, 'head-owner-ur') },
      { ok: true, approverId: 'head-owner-ur', via: 'owner_area' },
    ],
    [
      'requester heads the owner area, nobody above: refused (not their own head’s call)',
      { approval: 'catalog_owner', requesterId: REQ, requesterChain: chain('head-area', null, null), ownerChain: owner(REQ) },
      { ok: false, reason: 'only_requester' },
    ],
    [
      'catalog owner without titular: refused',
      { approval: 'catalog_owner', requesterId: REQ, requesterChain: chain('head-area', null, null), ownerChain: owner(null) },
      { ok: false, reason: 'no_head' },
    ],
    [
      'service without owner: refused',
      { approval: 'catalog_owner', requesterId: REQ, requesterChain: chain('head-area', null, null), ownerChain: [] },
      { ok: false, reason: 'no_head' },
    ],
  ];

  it.each(TABLE)('%s', (_name, input, expected) => {
    expect(chooseApprover(input)).toEqual(expected);
  });

  it('never names the requester, and refuses only when no titular other than the requester exists on the walk', () => {
    const people = fc.constantFrom(REQ, 'a', 'b', 'c');
    const chainArb = fc.array(fc.record({ organisationId: fc.string(), headUserId: fc.option(people, { nil: null }) }), { maxLength: 4 });
    fc.assert(
      fc.property(fc.constantFrom('requester_head' as const, 'catalog_owner' as const), chainArb, chainArb, (approval, requesterChain, ownerChain) => {
        const decision = chooseApprover({ approval, requesterId: REQ, requesterChain, ownerChain });
        const walked = approval === 'requester_head' ? [...requesterChain, ...ownerChain] : ownerChain;
        const others = walked.filter((l) => l.headUserId !== null && l.headUserId !== REQ);
        if (decision.ok) return decision.approverId !== REQ && decision.approverId === others[0].headUserId;
        return others.length === 0;
      }),
    );
  });
});

describe('mayDecideApproval', () => {
  it('lets only the designated approver decide, never on their own request', () => {
    expect(mayDecideApproval({ approverId: 'head', requesterId: REQ }, 'head')).toEqual({ ok: true });
    expect(mayDecideApproval({ approverId: 'head', requesterId: REQ }, 'agent')).toEqual({ ok: false, reason: 'not_approver' });
    expect(mayDecideApproval({ approverId: REQ, requesterId: REQ }, REQ)).toEqual({ ok: false, reason: 'own_request' });
  });
});
