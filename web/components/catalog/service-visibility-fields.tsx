'use client';

import { MultiSelect, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { OrganisationItem } from '@/lib/api-types';
import { organisationOptions } from '@/lib/catalog-options';
import { messages } from '@/messages/es-MX';
import type { ErrProps } from './service-ownership-fields';

const t = messages.catalogAdmin;

export type VisibilityValues = { portalOrderable: boolean; restricted: boolean; allowedOrganisationIds: string[] };

type Props = {
  values: VisibilityValues;
  organisations: OrganisationItem[];
  errProps: ErrProps;
  onChange: (patch: Partial<VisibilityValues>) => void;
};

/** Who sees the service: orderable from the portal or by the desk only, and for every organisation or a few. */
export function ServiceVisibilityFields({ values, organisations, errProps, onChange }: Props) {
  const allowed = values.allowedOrganisationIds;
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
        <Switch
          label={t.portalOrderable}
          description={t.portalOrderableHint}
          checked={values.portalOrderable}
          onChange={(e) => onChange({ portalOrderable: e.currentTarget.checked })}
        />
        <Switch
          label={t.restricted}
          description={t.restrictedHint}
          checked={values.restricted}
          // The list is kept (switching back restores it); naming it in the patch clears its error.
          onChange={(e) => onChange({ restricted: e.currentTarget.checked, allowedOrganisationIds: allowed })}
        />
        {values.restricted && (
          <MultiSelect
            label={t.allowedOrganisations}
            required
            placeholder={allowed.length ? undefined : t.searchOrganisation}
            data={options}
            value={allowed}
            onChange={(v) => onChange({ allowedOrganisationIds: v })}
            searchable
            clearable
            nothingFoundMessage={t.nothingFound}
            {...errProps('allowedOrganisationIds')}
          />
        )}
      </Stack>
    </Paper>
  );
}
