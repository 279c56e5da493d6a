'use client';

import { Grid, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { SheetChoices } from '@/lib/catalog';
import { organisationOptions, TEAM_SLOTS, teamOptions, type TeamSlot } from '@/lib/catalog-options';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

export type OwnershipKey = 'ownerOrganisationId' | TeamSlot;
export type OwnershipValues = Record<OwnershipKey, string | null>;
/** The editor's error props: the message and the key its focus and "shown" checks look for. */
export type ErrProps = (key: string) => { error?: string; 'data-error-key': string };

type Props = {
  values: OwnershipValues;
  choices: SheetChoices;
  errProps: ErrProps;
  onChange: (key: OwnershipKey, value: string | null) => void;
};

/** The owner area and the team that supports the service at each level (each list only shows its level's teams). */
export function ServiceOwnershipFields({ values, choices, errProps, onChange }: Props) {
  const owner = values.ownerOrganisationId;
  const organisations = useMemo(() => organisationOptions(choices.organisations, owner ? [owner] : []), [choices.organisations, owner]);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="ownership-title">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h3" id="ownership-title">
            {t.ownership}
          </Title>
          <Text size="sm" c="dimmed">
            {t.ownershipHint}
          </Text>
        </Stack>
        <Select
          label={t.ownerOrganisation}
          description={t.ownerOrganisationHint}
          placeholder={t.unassigned}
          data={organisations}
          value={owner}
          onChange={(v) => onChange('ownerOrganisationId', v)}
          searchable
          clearable
          nothingFoundMessage={t.nothingFound}
          {...errProps('ownerOrganisationId')}
        />
        <Grid gap="md">
          {TEAM_SLOTS.map((slot) => (
            <Grid.Col key={slot.key} span={{ base: 12, sm: 6 }}>
              <Select
                label={slot.label}
                placeholder={t.unassigned}
                data={teamOptions(choices.teams, slot.level, values[slot.key])}
                value={values[slot.key]}
                onChange={(v) => onChange(slot.key, v)}
                searchable
                clearable
                nothingFoundMessage={t.noTeamsOfLevel}
                {...errProps(slot.key)}
              />
            </Grid.Col>
          ))}
        </Grid>
      </Stack>
    </Paper>
  );
}
