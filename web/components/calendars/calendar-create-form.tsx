'use client';

import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { announceCreated } from '@/components/created-notice';
import { FormAlert } from '@/components/form-alert';
import { apiFetch, ApiError } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { COUNTRY_OPTIONS, zoneOptions } from '@/lib/calendars';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.calendars;
const OFFICE = [{ start: '09:00', end: '18:00' }];

/** A new calendar starts Monday to Friday 09:00–18:00; its page then edits hours and closures. */
export function CalendarCreateForm() {
  const hydrated = useHydrated();
  const router = useRouter();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState('America/Mexico_City');
  const [country, setCountry] = useState('MX');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');

  const create = async () => {
    setErrors({});
    setError('');
    try {
      const created = await apiFetch('calendars', {
        method: 'POST',
        body: {
          code,
          name,
          timeZone,
          holidayCountry: country ? (country as 'MX' | 'PE') : null,
          week: { 1: OFFICE, 2: OFFICE, 3: OFFICE, 4: OFFICE, 5: OFFICE },
        },
      });
      announceCreated(t.created(created.name));
      router.push(`/admin/calendarios/${created.id}`);
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      const byField: Record<string, string> = {};
      if (e instanceof ApiError) for (const fe of e.errors) byField[fe.field] ??= fe.message;
      setErrors(byField);
      setError(problemMessage(e));
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="calendar-new">
      <Stack gap="md">
        <Title order={2} size="h3" id="calendar-new">
          {t.newTitle}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t.name} required value={name} error={errors.name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label={t.code} description={t.codeHint} required value={code} error={errors.code} onChange={(e) => setCode(e.currentTarget.value)} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t.timeZone}
            data={zoneOptions()}
            value={timeZone}
            allowDeselect={false}
            searchable
            error={errors.timeZone}
            onChange={(v) => v && setTimeZone(v)}
          />
          <Select
            label={t.holidayCountry}
            data={COUNTRY_OPTIONS}
            value={country}
            allowDeselect={false}
            error={errors.holidayCountry}
            onChange={(v) => setCountry(v ?? '')}
          />
        </SimpleGrid>
        <FormAlert message={error} />
        <Group>
          <Button onClick={create} disabled={!hydrated}>
            {t.create}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
