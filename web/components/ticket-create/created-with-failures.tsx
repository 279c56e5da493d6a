'use client';

import { Alert, Button, List, Stack, Text } from '@mantine/core';
import Link from 'next/link';
import type { UploadFailure } from '@/lib/attachments';
import { messages } from '@/messages/es-MX';

const t = messages.ticketCreate;

type Props = { number: string; href: string; failures: UploadFailure[] };

/**
 * Shown in place of the form when the ticket was created but some files were refused: the ticket
 * exists (sending the form again would duplicate it), so the page says which files are missing
 * and why, and leads to the ticket to attach them.
 */
export function CreatedWithFailures({ number, href, failures }: Props) {
  return (
    // Mantine's yellow title (#e67700 on #fff3bf) is 2.7:1; the body text colour reads at AA.
    <Alert color="yellow" variant="light" title={t.createdTitle(number)} role="alert" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <Stack gap="sm">
        <Text size="sm">{t.uploadsFailed}</Text>
        <List size="sm">
          {failures.map((f) => (
            <List.Item key={f.name}>{t.uploadFailure(f.name, f.reason)}</List.Item>
          ))}
        </List>
        <div>
          <Button component={Link} href={href}>
            {t.openTicket}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
