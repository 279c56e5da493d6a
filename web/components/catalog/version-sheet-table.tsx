import { Stack, Table, TableCaption, TableTbody, TableTd, TableTh, TableTr, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SheetChoices, VersionSnapshot } from '@/lib/catalog';
import { organisationPaths, TEAM_SLOTS, teamName } from '@/lib/catalog-options';
import { yesNo } from '@/lib/format';
import { PRIORITIES } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const t = messages.catalogVersions;
const admin = messages.catalogAdmin;
const f = admin.sheetFields;

/** A published version's service sheet, read-only, with teams and organisations by name. */
export function VersionSheetTable({ snapshot: s, choices }: { snapshot: VersionSnapshot; choices: SheetChoices }) {
  const paths = organisationPaths(choices.organisations);
  const organisation = (id: string) => paths.get(id) ?? admin.unknownRecord(id);
  const sla = PRIORITIES.flatMap((p) => {
    const target = s.slaTargets?.[p];
    return target ? [t.slaTarget(messages.tickets.priorities[p], target.responseMinutes, target.resolutionMinutes)] : [];
  });
  const rows: [string, ReactNode][] = [
    [f.code, s.code],
    [f.name, s.name],
    [f.description, s.description],
    [f.category, s.category],
    [f.subcategory, s.subcategory],
    [f.type, s.type && admin.types[s.type]],
    [f.approval, s.approval && admin.approvals[s.approval]],
    [f.leadTimeDays, s.leadTimeDays !== undefined && t.days(s.leadTimeDays)],
    [f.ownerOrganisationId, s.ownerOrganisationId && organisation(s.ownerOrganisationId)],
    ...TEAM_SLOTS.map((slot): [string, ReactNode] => [slot.label, teamName(choices.teams, s[slot.key])]),
    [f.portalOrderable, s.portalOrderable !== undefined && yesNo(s.portalOrderable)],
    [f.restricted, s.restricted ? t.onlyFor((s.allowedOrganisationIds ?? []).map(organisation).join('; ')) : t.allOrganisations],
    [
      f.slaTargets,
      sla.length > 0 && (
        <Stack gap={0}>
          {sla.map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Stack>
      ),
    ],
  ];
  return (
    <Table withTableBorder captionSide="top" bg="white" verticalSpacing="xs" data-testid="version-sheet">
      <TableCaption ta="left" fw={600}>
        {t.sheetCaption}
      </TableCaption>
      <TableTbody>
        {rows.map(([label, value]) => (
          <TableTr key={label}>
            <TableTh scope="row" w={240} fw={500}>
              {label}
            </TableTh>
            <TableTd>{value === null || value === undefined || value === false || value === '' ? messages.common.none : value}</TableTd>
          </TableTr>
        ))}
      </TableTbody>
    </Table>
  );
}
