'use client';

import { MultiSelect, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { OrganisationItem } from '@/lib/api-types';
import { organisationOptions } from '@/lib/catalog-options';
import type { ServiceForm } from '@/lib/service-sheet';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

/** Who sees the service: orderable from the portal or by the desk only, and for every organisation or a few. */
export function ServiceVisibilityFields({ form, organisations }: { form: ServiceForm; organisations: OrganisationItem[] }) {
  const allowed = form.values.allowedOrganisationIds;
  const options = useMemo(() => organisationOptions(organisations, allowed), [organisations, allowed]);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="visibility-title">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h3" id="visibility-title">
            {t.visibility}
          </Title>
          <Text size="sm" c="dimmed">
            {t.visibilityHint}
          </Text>
        </Stack>
        <Switch label={t.portalOrderable} description={t.portalOrderableHint} {...form.getInputProps('portalOrderable', { type: 'checkbox' })} />
        <Switch
          label={t.restricted}
          description={t.restrictedHint}
          {...form.getInputProps('restricted', { type: 'checkbox' })}
          // The list is kept (switching back restores it); its error goes, as the list's rule changed.
          onChange={(e) => {
            form.setFieldValue('restricted', e.currentTarget.checked);
            form.clearFieldError('allowedOrganisationIds');
          }}
        />
        {form.values.restricted && (
          <MultiSelect
            label={t.allowedOrganisations}
            required
            placeholder={allowed.length ? undefined : t.searchOrganisation}
            data={options}
            searchable
            clearable
            nothingFoundMessage={t.nothingFound}
            {...form.getInputProps('allowedOrganisationIds')}
          />
        )}
      </Stack>
    </Paper>
  );
}
