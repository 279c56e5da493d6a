'use client';

import { Grid, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { SheetChoices } from '@/lib/catalog';
import { organisationOptions, TEAM_SLOTS, teamOptions } from '@/lib/catalog-options';
import type { ServiceForm } from '@/lib/service-sheet';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

/** The owner area and the team that supports the service at each level (each list only shows its level's teams). */
export function ServiceOwnershipFields({ form, choices }: { form: ServiceForm; choices: SheetChoices }) {
  const owner = form.values.ownerOrganisationId;
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
          searchable
          clearable
          nothingFoundMessage={t.nothingFound}
          {...form.getInputProps('ownerOrganisationId')}
        />
        <Grid gap="md">
          {TEAM_SLOTS.map((slot) => (
            <Grid.Col key={slot.key} span={{ base: 12, sm: 6 }}>
              <Select
                label={slot.label}
                placeholder={t.unassigned}
                data={teamOptions(choices.teams, slot.level, form.values[slot.key])}
                searchable
                clearable
                nothingFoundMessage={t.noTeamsOfLevel}
                {...form.getInputProps(slot.key)}
              />
            </Grid.Col>
          ))}
        </Grid>
      </Stack>
    </Paper>
  );
}
