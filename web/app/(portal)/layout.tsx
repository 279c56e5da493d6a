import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { DeskTimeZone } from '@/components/desk-time-zone';
import { PortalShell } from '@/components/portal-shell';
import { getMe } from '@/lib/api-server';
import { can, navItemsFor } from '@/lib/permissions';

// Builds the shell only; every page authorises itself too (layouts are not re-run on
// client navigation, and the API checks each call anyway).
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const me = await getMe();
  if (!me) redirect('/login');
  const navItems = navItemsFor(me).map(({ href, label }) => ({ href, label }));
  return (
    <DeskTimeZone zone={me.deskTimeZone}>
      <PortalShell userName={me.fullName} navItems={navItems} ticketSearch={can(me, 'tickets.work')}>
        {children}
      </PortalShell>
    </DeskTimeZone>
  );
}
