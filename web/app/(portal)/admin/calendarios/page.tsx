import { Stack, TableTd, TableTr, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { CalendarCreateForm } from '@/components/calendars/calendar-create-form';
import { Forbidden } from '@/components/forbidden';
import { ListTable } from '@/components/list-table';
import { serverApiGet } from '@/lib/api-server';
import { authorise } from '@/lib/authorise';
import { countryLabel, weekSummary } from '@/lib/calendars';
import { activeLabel } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.calendars;

export const metadata: Metadata = { title: t.title };

export default async function CalendarsPage() {
  const { allowed } = await authorise('calendars.manage');
  if (!allowed) return <Forbidden />;
  const { items } = await serverApiGet('calendars');
  return (
    <Stack gap="lg" maw={1040}>
      <Title order={1}>{t.title}</Title>
      <Text maw={720}>{t.intro}</Text>
      <ListTable
        caption={t.caption}
        minWidth={720}
        headers={[t.name, t.timeZone, t.holidayCountry, t.hours, t.services, t.status]}
        stackOnPhone
        data-testid="calendars"
      >
        {items.map((c) => (
          <TableTr key={c.id}>
            <TableTd data-label={t.name}>
              <AnchorLink href={`/admin/calendarios/${c.id}`}>{c.name}</AnchorLink>
            </TableTd>
            <TableTd data-label={t.timeZone}>{t.zones[c.timeZone] ?? c.timeZone}</TableTd>
            <TableTd data-label={t.holidayCountry}>{countryLabel(c.holidayCountry)}</TableTd>
            <TableTd data-label={t.hours}>{weekSummary(c.week)}</TableTd>
            <TableTd data-label={t.services}>{c.serviceCount}</TableTd>
            <TableTd data-label={t.status}>{activeLabel(c.isActive)}</TableTd>
          </TableTr>
        ))}
      </ListTable>
      <CalendarCreateForm />
    </Stack>
  );
}
