import 'server-only';
import { redirect } from 'next/navigation';
import { getMe } from './api-server';
import type { Me, Permission } from './api-types';
import { can } from './permissions';

/**
 * Page-level authorisation: redirects to /login without a session; `allowed` tells the
 * page whether to render or show the forbidden message. The API re-checks every call.
 */
export async function authorise(permission: Permission): Promise<{ me: Me; allowed: boolean }> {
  const me = await getMe();
  if (!me) redirect('/login');
  return { me, allowed: can(me, permission) };
}
