import { Badge, DataList, DataListItem, DataListItemLabel, DataListItemValue, Paper, Stack, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { serverApiGet } from '@/lib/api-server';
import { authorise } from '@/lib/authorise';
import { messages, roleLabel } from '@/messages/es-MX';
import { PasswordForm } from './password-form';
import { NotificationPreferences } from './notification-preferences';
import { TokensSection } from './tokens-section';

const t = messages.profile;

export const metadata: Metadata = { title: t.title };

export default async function ProfilePage() {
  const { me, allowed } = await authorise('profile.self');
  if (!allowed) return <Forbidden />;
  const [tokens, preferences] = await Promise.all([serverApiGet('me/tokens'), serverApiGet('notifications/preferences')]);
  const organisation = me.organisation
    ? `${me.organisation.name} (${messages.organisationKinds[me.organisation.kind] ?? me.organisation.kind})`
    : t.noOrganisation;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t.title}</Title>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="perfil-datos">
        <Title order={2} size="h3" id="perfil-datos" mb="md">
          {t.details}
        </Title>
        <DataList labelWidth={160}>
          <DataListItem>
            <DataListItemLabel>{t.name}</DataListItemLabel>
            <DataListItemValue>{me.fullName}</DataListItemValue>
          </DataListItem>
          <DataListItem>
            <DataListItemLabel>{t.email}</DataListItemLabel>
            <DataListItemValue style={{ overflowWrap: 'anywhere' }}>{me.email}</DataListItemValue>
          </DataListItem>
          <DataListItem>
            <DataListItemLabel>{t.roles}</DataListItemLabel>
            <DataListItemValue>{me.roles.map(roleLabel).join(', ')}</DataListItemValue>
          </DataListItem>
          <DataListItem>
            <DataListItemLabel>{t.organisation}</DataListItemLabel>
            <DataListItemValue>{organisation}</DataListItemValue>
          </DataListItem>
        </DataList>
        {me.isVip && (
          <Badge mt="md" color="blue.9">
            {t.vip}
          </Badge>
        )}
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="perfil-contrasena">
        <Title order={2} size="h3" id="perfil-contrasena" mb="md">
          {t.passwordTitle}
        </Title>
        <PasswordForm email={me.email} />
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="perfil-avisos-titulo" id="perfil-avisos">
        <Title order={2} size="h3" id="perfil-avisos-titulo" mb="md">
          {messages.notifications.preferences.title}
        </Title>
        <NotificationPreferences initial={preferences} />
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="perfil-tokens">
        <Title order={2} size="h3" id="perfil-tokens" mb="md">
          {t.tokens.title}
        </Title>
        {/* Remounts when the server's list changes (a password change revokes every token). */}
        <TokensSection key={tokens.items.map((i) => i.id).join()} initial={tokens.items} />
      </Paper>
    </Stack>
  );
}
