/**
 * Who approves a request whose catalog service requires approval (issue 9, item 8). Pure: the
 * service passes the chains of titulares it read. An approver is never the requester: a requester
 * who heads their unit is approved by the next titular up, and failing that by the titular of the
 * area that owns the service; when nobody else can approve, the request is refused, never self-approved.
 */

/** One organisation on the way up from where the walk starts, and its titular (null when none or disabled). */
export type HeadLink = { organisationId: string; headUserId: string | null };

export type ApproverInput = {
  approval: 'requester_head' | 'catalog_owner';
  requesterId: string;
  /** The requester's organisation, then its parent, up to the dependency. */
  requesterChain: readonly HeadLink[];
  /** The service's owner area, then its parent, up to the dependency (empty without an owner). */
  ownerChain: readonly HeadLink[];
};

export type ApproverDecision =
  | { ok: true; approverId: string; via: 'requester_unit' | 'owner_area' }
  /** no_head: nobody heads anything on the way; only_requester: the only titular found is the requester. */
  | { ok: false; reason: 'no_head' | 'only_requester' };

export function chooseApprover(input: ApproverInput): ApproverDecision {
  const walks: ['requester_unit' | 'owner_area', readonly HeadLink[]][] =
    input.approval === 'requester_head'
      ? [
          ['requester_unit', input.requesterChain],
          ['owner_area', input.ownerChain],
        ]
      : [['owner_area', input.ownerChain]];
  let sawRequester = false;
  for (const [via, chain] of walks) {
    for (const link of chain) {
      if (link.headUserId === null) continue;
      if (link.headUserId === input.requesterId) {
        sawRequester = true;
        continue;
      }
      return { ok: true, approverId: link.headUserId, via };
    }
  }
  return { ok: false, reason: sawRequester ? 'only_requester' : 'no_head' };
}

/** Only the designated approver decides, and never on their own request (a ticket stored before this rule may name its requester). */
export function mayDecideApproval(
  ticket: { approverId: string | null; requesterId: string },
  userId: string,
): { ok: true } | { ok: false; reason: 'not_approver' | 'own_request' } {
  if (ticket.approverId !== userId) return { ok: false, reason: 'not_approver' };
  if (ticket.requesterId === userId) return { ok: false, reason: 'own_request' };
  return { ok: true };
}
