/**
 * Who may call what: every API route (and a few body variants) × every principal → the outcome.
 * Reviewed by hand; rows are generated from the running app with
 *   MESA_WRITE_ROUTE_TABLE=1 npx jest --maxWorkers=1 test/integration/rbac-matrix.int-spec.ts
 * and then read against the product rules before committing. A new route without a row, a row
 * without a route, or a changed outcome fails rbac-matrix.int-spec.ts and shows in review.
 *
 * Outcomes:
 *   401  not signed in                      403  refused by the guard or by a role check in a service
 *   404  the row is invisible to the caller  ok   passed every access check: 2xx, or 400/409/413/415/422
 *                                                 because the body or the record's state was refused
 *   (a 5xx always fails the test; any other status is written as is)
 *
 * Principals (columns): anon = no session; req = a requester (area of UR "A", which shares tickets
 * among its requesters); coll = another requester of the same area; then one user per staff role.
 * l2, l3, tco (coordinator), fte and fch are members of the ticket's team; the other staff roles
 * have no team. Everyone signs in with a cookie session (writes send X-CSRF-Token).
 *
 * Fixtures: :id of a ticket is req's ticket, assigned to that team (state "assigned", level 2,
 * version 1, no approver); users/:id is req (a fresh requester for writes); teams/:id the team;
 * organisations/:id req's area; services/:id an active service restricted to req's dependency;
 * notifications, tokens and saved filters belong to the caller. Every write gets fresh rows, and
 * writes under /me and /auth run as a twin of the caller, so calls do not depend on each other.
 * Bodies are valid where the route has one in BODIES (test/support/world.ts); otherwise {} (a
 * 400 then still says "passed the access checks"). Variants: "[internal]" posts an internal
 * note, "[letter]" registers a ticket received by official letter (GIS 2.1: desk coordinator
 * and directors only). The approval row is 403 for everyone who sees the ticket: only the
 * designated approver decides, and none of the principals is.
 *
 * Read against the rules (SPEC "People and roles", "Security rules"): requesters reach only
 * their own and, where their unit shares tickets, their unit's tickets (a colleague may read,
 * reply and attach there, as in Zammad's shared organisations, but not change the state); they
 * never reach users, teams, organisations, audit or configuration. Staff see the directory
 * (users, teams, organisations). The catalog manager has no ticket scope and acts on tickets as
 * a requester. The admin administers (users, teams, organisations, catalog, matrix, audit) and
 * sees every ticket, but does not work them (no assign/take/escalate/queues).
 */
export const ROUTE_ACCESS_COLUMNS = 'anon req  coll l1   l2   l3   tco  fte  fch  dco  dir  pm   cm   cat  adm';

export const ROUTE_ACCESS: Record<string, string> = {
  //                                                     anon req  coll l1   l2   l3   tco  fte  fch  dco  dir  pm   cm   cat  adm
  'GET /api/health':                                    'ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/ready':                                     'ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/v1/attachments/:id/content':                '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'GET /api/v1/attachments/:id/preview':                '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'POST /api/v1/attachments/staged':                    '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/v1/audit':                                  '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'POST /api/v1/auth/login':                            'ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/auth/logout':                           '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/v1/calendars':                              '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/calendars':                             '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/calendars/:id':                          '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'PATCH /api/v1/calendars/:id':                        '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'DELETE /api/v1/calendars/:id':                       '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'POST /api/v1/calendars/:id/closures':                '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'DELETE /api/v1/calendars/:id/closures/:closureId':   '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/catalog/services':                       '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/catalog/services':                      '401  403  403  403  403  403  403  403  403  403  403  403  403  ok   ok',
  'GET /api/v1/catalog/services/:id':                   '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'PATCH /api/v1/catalog/services/:id':                 '401  403  403  403  403  403  403  403  403  403  403  403  403  ok   ok',
  'POST /api/v1/catalog/services/:id/publish':          '401  403  403  403  403  403  403  403  403  403  403  403  403  ok   ok',
  'POST /api/v1/catalog/services/:id/retire':           '401  403  403  403  403  403  403  403  403  403  403  403  403  ok   ok',
  'GET /api/v1/catalog/services/:id/versions':          '401  403  403  403  403  403  403  403  403  403  403  403  403  ok   ok',
  'GET /api/v1/catalog/services/export':                '401  403  403  403  403  403  403  403  403  403  403  403  403  ok   ok',
  'POST /api/v1/catalog/services/import':               '401  403  403  403  403  403  403  403  403  403  403  403  403  ok   ok',
  'GET /api/v1/indicators/documented-services':         '401  403  403  403  403  403  ok   403  403  ok   ok   403  403  ok   ok',
  'PATCH /api/v1/locations/:id':                        '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'DELETE /api/v1/locations/:id':                       '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/me':                                     '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/me/password':                           '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/v1/me/tokens':                              '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/me/tokens':                             '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'DELETE /api/v1/me/tokens/:id':                       '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/v1/notifications':                          '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/notifications/:id/read':                '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/v1/notifications/preferences':              '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'PUT /api/v1/notifications/preferences':              '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/notifications/read-all':                '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/v1/organisations':                          '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/organisations':                         '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/organisations/:id':                      '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'PATCH /api/v1/organisations/:id':                    '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'DELETE /api/v1/organisations/:id':                   '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/organisations/:id/history':              '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/organisations/:id/locations':            '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/organisations/:id/locations':           '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/priority-matrix':                        '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  ok',
  'PUT /api/v1/priority-matrix':                        '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/roles':                                  '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/v1/saved-filters':                          '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'POST /api/v1/saved-filters':                         '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'DELETE /api/v1/saved-filters/:id':                   '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'GET /api/v1/teams':                                  '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/teams':                                 '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/teams/:id':                              '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'PATCH /api/v1/teams/:id':                            '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'DELETE /api/v1/teams/:id':                           '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'PUT /api/v1/teams/:id/members':                      '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/text-modules':                           '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  ok',
  'POST /api/v1/text-modules':                          '401  403  403  403  403  403  ok   403  403  403  403  403  403  403  ok',
  'POST /api/v1/text-modules [global]':                 '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/text-modules/:id':                       '401  403  403  404  ok   ok   ok   ok   ok   404  404  404  404  403  ok',
  'PATCH /api/v1/text-modules/:id':                     '401  403  403  404  403  403  ok   403  403  404  404  404  404  403  ok',
  'DELETE /api/v1/text-modules/:id':                    '401  403  403  404  403  403  ok   403  403  404  404  404  404  403  ok',
  'POST /api/v1/text-modules/:id/render':               '401  403  403  404  ok   ok   ok   ok   ok   404  404  404  404  403  404',
  'GET /api/v1/tickets':                                '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/tickets':                               '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/tickets [letter]':                      '401  403  403  403  403  403  403  403  403  ok   ok   403  403  403  403',
  'GET /api/v1/tickets/:id':                            '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'PATCH /api/v1/tickets/:id':                          '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'POST /api/v1/tickets/:id/approval':                  '401  403  403  403  403  403  403  403  403  403  403  403  403  404  403',
  'GET /api/v1/tickets/:id/articles':                   '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'POST /api/v1/tickets/:id/articles':                  '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'POST /api/v1/tickets/:id/articles [internal]':       '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  ok',
  'POST /api/v1/tickets/:id/assign':                    '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'GET /api/v1/tickets/:id/attachments':                '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'POST /api/v1/tickets/:id/attachments':               '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'POST /api/v1/tickets/:id/escalate':                  '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'GET /api/v1/tickets/:id/history':                    '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'GET /api/v1/tickets/:id/links':                      '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'POST /api/v1/tickets/:id/links':                     '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'DELETE /api/v1/tickets/:id/links/:linkId':           '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'POST /api/v1/tickets/:id/merge':                     '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'POST /api/v1/tickets/:id/more-time':                 '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'POST /api/v1/tickets/:id/proposed-solution':         '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'GET /api/v1/tickets/:id/requester-context':          '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'POST /api/v1/tickets/:id/return-to-coordinator':     '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'POST /api/v1/tickets/:id/take':                      '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'POST /api/v1/tickets/:id/transitions':               '401  ok   403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   404  ok',
  'POST /api/v1/tickets/bulk':                          '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'GET /api/v1/tickets/counters':                       '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'GET /api/v1/tickets/events':                         '401  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'GET /api/v1/tickets/lookup':                         '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'GET /api/v1/tickets/overview':                       '401  403  403  403  403  403  ok   403  403  ok   ok   403  403  403  403',
  'GET /api/v1/tickets/my-action':                      '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   403  403',
  'GET /api/v1/users':                                  '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'POST /api/v1/users':                                 '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/users/:id':                              '401  403  403  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok',
  'PATCH /api/v1/users/:id':                            '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'POST /api/v1/users/:id/password':                    '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'GET /api/v1/users/:id/tokens':                       '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
  'DELETE /api/v1/users/:id/tokens/:tokenId':           '401  403  403  403  403  403  403  403  403  403  403  403  403  403  ok',
};
