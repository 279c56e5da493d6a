'use client';

import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { apiFetch } from '@/lib/api-client';
import { fieldErrorsFor, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { queryFromSaved, queueHref, savedQueryOf, type QueueQuery } from '@/lib/queue-query';
import type { SavedFilter } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const t = messages.agent;

/** The user's saved queue filters as links, with save and delete. */
export function SavedFilters({ query, filters }: { query: QueueQuery; filters: SavedFilter[] }) {
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');
  const [error, setError] = useState('');

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(messages.workspace.required);
      return;
    }
    try {
      await apiFetch('saved-filters', { body: { name: name.trim(), query: savedQueryOf(query) } });
      setOpened(false);
      setName('');
      router.refresh();
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setNameError(fieldErrorsFor(e, ['name']).name ?? '');
      setError(problemMessage(e));
    }
  }

  async function remove(id: string) {
    try {
      await apiFetch(`saved-filters/${id}`, { method: 'DELETE' });
      router.refresh();
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setError(problemMessage(e));
    }
  }

  return (
    <Group gap="sm" wrap="wrap" component="section" aria-label={t.savedFilters}>
      <Text size="sm" fw={600}>
        {t.savedFilters}:
      </Text>
      <Group component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {filters.map((f) => (
          <Group component="li" key={f.id} gap={2} wrap="nowrap">
            <AnchorLink href={queueHref(queryFromSaved(f.query))} size="sm">
              {f.name}
            </AnchorLink>
            <ActionIcon variant="subtle" color="gray.7" size="sm" aria-label={`${t.deleteFilter}: ${f.name}`} onClick={() => remove(f.id)}>
              <span aria-hidden="true">×</span>
            </ActionIcon>
          </Group>
        ))}
      </Group>
      <Button size="xs" variant="default" onClick={() => setOpened(true)}>
        {t.saveFilter}
      </Button>
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
      <Modal opened={opened} onClose={() => setOpened(false)} title={t.saveFilter} closeButtonProps={{ 'aria-label': messages.common.close }}>
        <form onSubmit={save} noValidate>
          <Stack gap="md">
            <TextInput
              label={t.saveFilterName}
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError || undefined}
              aria-invalid={Boolean(nameError)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button type="submit">{t.saveFilter}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
