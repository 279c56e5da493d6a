'use client';

import { AppShell, Box, Burger, Button, Group, NavLink, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { apiFetch, ApiError } from '@/lib/api-client';
import { MAIN_CONTENT_ID } from '@/lib/layout-ids';
import { messages } from '@/messages/es-MX';
import { HeaderSearch } from './header-search';
import { NotificationBell } from './notifications/notification-bell';

type Props = {
  userName: string;
  navItems: { href: string; label: string }[];
  /** Desk staff get the ticket search box in the header. */
  ticketSearch?: boolean;
  children: ReactNode;
};

const NAV_ID = 'navegacion-principal';

export function PortalShell({ userName, navItems, ticketSearch = false, children }: Props) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState('');
  const pathname = usePathname();
  const activeHref = navItems
    .map((item) => item.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];

  async function logout() {
    setLoggingOut(true);
    setLogoutError('');
    try {
      await apiFetch('auth/logout', { method: 'POST' });
    } catch (error) {
      // 401: the session was already gone, which is what the user wanted.
      if (!(error instanceof ApiError && error.status === 401)) {
        setLoggingOut(false);
        setLogoutError(messages.app.logoutFailed);
        return;
      }
    }
    // A full load drops every client cache that still holds the old user's pages.
    window.location.assign('/login');
  }

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? messages.app.closeNavigation : messages.app.openNavigation}
              aria-controls={NAV_ID}
              aria-expanded={opened}
            />
            <Text component={Link} href="/" fw={700} fz={{ base: 'md', sm: 'lg' }} c="blue.9" td="none" style={{ whiteSpace: 'nowrap' }}>
              {messages.app.name}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            {ticketSearch && (
              <Box visibleFrom="sm">
                <HeaderSearch />
              </Box>
            )}
            <NotificationBell />
            <Text size="sm" fw={500} visibleFrom="xs" data-testid="user-name">
              <VisuallyHidden>{`${messages.app.signedInAs} `}</VisuallyHidden>
              {userName}
            </Text>
            {/* Narrow padding on a phone: burger, name, bell and this button share 390 px. */}
            <Button variant="default" size="sm" px={{ base: 'xs', sm: 'md' }} onClick={logout} loading={loggingOut}>
              {messages.app.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id={NAV_ID} p="sm" aria-label={messages.app.mainNavigation}>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {navItems.map((item) => {
            // The most specific item wins: /solicitante/catalogo is the catalog, not "Mis solicitudes".
            const active = item.href === activeHref;
            return (
              <li key={item.href}>
                <NavLink
                  component={Link}
                  href={item.href}
                  label={item.label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={close}
                  variant="filled"
                />
              </li>
            );
          })}
        </ul>
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} bg="gray.0">
        {logoutError && (
          <Text role="alert" c="red.9" mb="md">
            {logoutError}
          </Text>
        )}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
