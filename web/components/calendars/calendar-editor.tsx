'use client';

import { Button, Group, Paper, Select, SimpleGrid, Stack, TableTd, TableTr, Text, TextInput, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Notice } from '@/components/admin-record-status';
import { ConfirmAction } from '@/components/confirm-action';
import { FormAlert } from '@/components/form-alert';
import { ListTable } from '@/components/list-table';
import { apiFetch, ApiError } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { COUNTRY_OPTIONS, type CalendarItem, zoneOptions } from '@/lib/calendars';
import { formatDate } from '@/lib/format';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';
import { WeekEditor } from './week-editor';

const t = messages.calendars;

/** Field errors of a problem, keyed by field, the first message of each. */
function errorsByField(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiError) for (const fe of e.errors) out[fe.field] ??= fe.message;
  return out;
}

/** A local date 'YYYY-MM-DD' as the portal writes dates (it is a day, not an instant: no zone shift). */
const dayLabel = (date: string) => formatDate(`${date}T12:00:00Z`);

/** The calendar's data and weekly hours, its status, its closures and the year's holidays. */
export function CalendarEditor({ initial }: { initial: CalendarItem }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [calendar, setCalendar] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [country, setCountry] = useState(initial.holidayCountry ?? '');
  const [week, setWeek] = useState(initial.week);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const [closureDate, setClosureDate] = useState('');
  const [closureReason, setClosureReason] = useState('');
  const [closureErrors, setClosureErrors] = useState<Record<string, string>>({});
  const [closureError, setClosureError] = useState('');

  const accept = (saved: CalendarItem) => {
    setCalendar(saved);
    setWeek(saved.week);
    router.refresh();
  };

  const save = async () => {
    setBusy(true);
    setErrors({});
    setError('');
    setNotice('');
    try {
      const body = { name, timeZone, week, holidayCountry: country ? (country as 'MX' | 'PE') : null, version: calendar.version };
      accept(await apiFetch(`calendars/${calendar.id}`, { method: 'PATCH', body }));
      setNotice(t.saved);
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setErrors(errorsByField(e));
      setError(problemMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const setActive = async (isActive: boolean) => {
    setError('');
    setNotice('');
    try {
      accept(await apiFetch(`calendars/${calendar.id}`, { method: 'PATCH', body: { isActive, version: calendar.version } }));
      setNotice(t.saved);
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setError(problemMessage(e));
    }
  };

  const addClosure = async () => {
    setClosureErrors({});
    setClosureError('');
    try {
      accept(await apiFetch(`calendars/${calendar.id}/closures`, { method: 'POST', body: { date: closureDate, reason: closureReason } }));
      setClosureDate('');
      setClosureReason('');
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setClosureErrors(errorsByField(e));
      setClosureError(problemMessage(e));
    }
  };

  const removeClosure = async (closureId: string) => {
    setClosureError('');
    try {
      accept(await apiFetch(`calendars/${calendar.id}/closures/${closureId}`, { method: 'DELETE' }));
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setClosureError(problemMessage(e));
    }
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="calendar-data">
        <Stack gap="md">
          <Title order={2} size="h3" id="calendar-data">
            {t.dataSection}
          </Title>
          <Text size="sm" c="dimmed">
            {t.code}: {calendar.code}
          </Text>
          <TextInput label={t.name} required value={name} error={errors.name} onChange={(e) => setName(e.currentTarget.value)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t.timeZone}
              data={zoneOptions(calendar.timeZone)}
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
          <Title order={3} size="h4">
            {t.weekTitle}
          </Title>
          <Text size="sm" c="dimmed">
            {t.weekHint}
          </Text>
          <WeekEditor week={week} onChange={setWeek} errors={errors} />
          <FormAlert message={error} />
          <Notice text={notice} />
          <Group>
            <Button onClick={save} loading={busy} disabled={!hydrated}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="calendar-status">
        <Stack gap="sm">
          <Title order={2} size="h3" id="calendar-status">
            {t.statusSection}
          </Title>
          <Text>
            {calendar.isActive ? t.active : t.inactive}. {calendar.services.length ? t.usedBy(calendar.services.length) : t.unused}
          </Text>
          {calendar.services.length > 0 && <Text size="sm">{calendar.services.map((s) => s.name).join(', ')}</Text>}
          <Group>
            {calendar.isActive ? (
              <ConfirmAction
                label={t.deactivate}
                title={t.deactivate}
                body={calendar.name}
                confirmLabel={t.deactivate}
                danger
                onConfirm={() => setActive(false)}
              />
            ) : (
              <Button variant="light" disabled={!hydrated} onClick={() => setActive(true)}>
                {t.activate}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="calendar-closures">
        <Stack gap="md">
          <Title order={2} size="h3" id="calendar-closures">
            {t.closuresTitle}
          </Title>
          <Text size="sm">{t.closuresIntro}</Text>
          {calendar.closures.length === 0 ? (
            <Text c="dimmed">{t.noClosures}</Text>
          ) : (
            <ListTable caption={t.closuresCaption} minWidth={360} headers={[t.closureDate, t.closureReason, '']} stackOnPhone data-testid="closures">
              {calendar.closures.map((c) => (
                <TableTr key={c.id}>
                  <TableTd data-label={t.closureDate}>{dayLabel(c.date)}</TableTd>
                  <TableTd data-label={t.closureReason}>{c.reason}</TableTd>
                  <TableTd data-label="">
                    <Button variant="subtle" color="red" size="compact-sm" aria-label={t.removeClosure(dayLabel(c.date))} onClick={() => removeClosure(c.id)}>
                      {t.remove}
                    </Button>
                  </TableTd>
                </TableTr>
              ))}
            </ListTable>
          )}
          <Group align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t.closureDate}
              value={closureDate}
              error={closureErrors.date}
              onChange={(e) => setClosureDate(e.currentTarget.value)}
              w={180}
            />
            <TextInput
              label={t.closureReason}
              value={closureReason}
              error={closureErrors.reason}
              onChange={(e) => setClosureReason(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
            />
          </Group>
          <FormAlert message={Object.keys(closureErrors).length ? '' : closureError} />
          <Group>
            <Button variant="light" onClick={addClosure} disabled={!hydrated}>
              {t.addClosure}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="calendar-holidays">
        <Stack gap="sm">
          <Title order={2} size="h3" id="calendar-holidays">
            {t.holidaysTitle(calendar.year)}
          </Title>
          {calendar.holidays.length === 0 ? (
            <Text c="dimmed">{t.noHolidays}</Text>
          ) : (
            <>
              <Text size="sm">{t.holidaysIntro}</Text>
              <ListTable caption={t.holidaysCaption(calendar.year)} minWidth={320} headers={[t.closureDate, t.holidayName]} data-testid="holidays">
                {calendar.holidays.map((h) => (
                  <TableTr key={h.date}>
                    <TableTd>{dayLabel(h.date)}</TableTd>
                    <TableTd>{h.name}</TableTd>
                  </TableTr>
                ))}
              </ListTable>
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
