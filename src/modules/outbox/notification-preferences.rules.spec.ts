import fc from 'fast-check';
import { CHANNELS, decidePreference, deliveryFor, kindsOffered, PREFERENCE_KINDS, preferenceKindOf } from './notification-preferences.rules';

describe('deliveryFor', () => {
  it.each<[string, string | undefined, { inApp: boolean; email: boolean }]>([
    ['ticket.assigned', undefined, { inApp: true, email: true }],
    ['ticket.assigned', 'in_app', { inApp: true, email: false }],
    ['ticket.assigned', 'email', { inApp: false, email: true }],
    ['ticket.assigned', 'none', { inApp: false, email: false }],
    ['ticket.assigned', 'garbage', { inApp: true, email: true }],
    // Opt-in: a team's queue is silent until the member asks for it.
    ['ticket.team_queue', undefined, { inApp: false, email: false }],
    ['ticket.team_queue', 'both', { inApp: true, email: true }],
    // Nobody silences an approval or a major incident, whatever row is stored.
    ['ticket.approval_requested', 'none', { inApp: true, email: true }],
    ['ticket.major_incident', 'in_app', { inApp: true, email: true }],
    // Catalog notices share one preference, in-app by default.
    ['catalog.published', undefined, { inApp: true, email: false }],
    ['catalog.retired', 'none', { inApp: false, email: false }],
    // What requesters hear of their own requests is not a preference.
    ['ticket.resolved', 'none', { inApp: true, email: true }],
  ])('%s with %s', (kind, stored, expected) => {
    expect(deliveryFor(kind, stored)).toEqual(expected);
  });

  it('delivers immutable kinds both ways and unknown kinds both ways, for any stored value', () => {
    const immutable = Object.entries(PREFERENCE_KINDS)
      .filter(([, r]) => !r.mutable)
      .map(([k]) => k);
    fc.assert(
      fc.property(fc.constantFrom(...immutable, 'ticket.created', 'ticket.closed'), fc.option(fc.string()), (kind, stored) => {
        expect(deliveryFor(kind, stored ?? undefined)).toEqual({ inApp: true, email: true });
      }),
    );
  });

  it('follows a stored channel exactly for every mutable kind', () => {
    const mutable = Object.entries(PREFERENCE_KINDS)
      .filter(([, r]) => r.mutable)
      .map(([k]) => k);
    fc.assert(
      fc.property(fc.constantFrom(...mutable), fc.constantFrom(...CHANNELS), (kind, channel) => {
        const d = deliveryFor(kind, channel);
        expect(d.inApp).toBe(channel === 'both' || channel === 'in_app');
        expect(d.email).toBe(channel === 'both' || channel === 'email');
      }),
    );
  });
});

describe('decidePreference', () => {
  it('stores a channel for a mutable kind', () => {
    expect(decidePreference('ticket.team_queue', 'in_app')).toEqual({ ok: true, kind: 'ticket.team_queue', channel: 'in_app' });
  });

  it('refuses to silence approvals and major incidents, naming the kind', () => {
    expect(decidePreference('ticket.approval_requested', 'none')).toMatchObject({ ok: false, field: 'kind' });
    expect(decidePreference('ticket.major_incident', 'email')).toMatchObject({ ok: false, field: 'kind' });
  });

  it('refuses unknown kinds and channels', () => {
    expect(decidePreference('ticket.created', 'none')).toMatchObject({ ok: false, field: 'kind' });
    expect(decidePreference('ticket.assigned', 'sms')).toMatchObject({ ok: false, field: 'channel' });
  });

  it('refuses a kind the person is not offered: a requester may set only approvals, and those are fixed', () => {
    expect(decidePreference('ticket.team_queue', 'both', false)).toMatchObject({ ok: false, field: 'kind' });
    expect(decidePreference('ticket.assigned', 'none', false)).toMatchObject({ ok: false, field: 'kind' });
    expect(decidePreference('ticket.team_queue', 'both', true)).toMatchObject({ ok: true });
  });

  it('maps catalog events to their one preference', () => {
    expect(preferenceKindOf('catalog.changed')).toBe('catalog.changed');
    expect(preferenceKindOf('catalog.published')).toBe('catalog.changed');
    expect(preferenceKindOf('ticket.public_reply')).toBeNull();
  });
});

describe('kindsOffered', () => {
  it('offers desk staff every kind and anyone else only approvals', () => {
    expect(kindsOffered(true)).toEqual(Object.keys(PREFERENCE_KINDS));
    expect(kindsOffered(false)).toEqual(['ticket.approval_requested']);
  });
});
