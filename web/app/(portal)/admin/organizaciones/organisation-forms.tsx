'use client';

import { Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, TableTd, TableTr, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Notice, RecordStatus } from '@/components/admin-record-status';
import { ConfirmAction } from '@/components/confirm-action';
import { announceCreated } from '@/components/created-notice';
import { FormAlert } from '@/components/form-alert';
import { ListTable } from '@/components/list-table';
import { apiFetch } from '@/lib/api-client';
import { showProblem } from '@/lib/api-errors';
import type { OrganisationItem, OrganisationKind, Schemas } from '@/lib/api-types';
import { ariaInvalid } from '@/lib/form-a11y';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const a = messages.admin;
const t = messages.admin.organisationForm;

type Option = { value: string; label: string };
type Values = { kind: OrganisationKind; code: string; name: string; parentId: string | null; email: string; requestersSeeUnitTickets: boolean };
const FIELDS = ['kind', 'code', 'name', 'parentId', 'email', 'requestersSeeUnitTickets'] as const;
const KINDS: Option[] = (['dependency', 'responsible_unit', 'area'] as const).map((k) => ({ value: k, label: messages.organisationKinds[k] }));

/** Creates an organisation (dependencia → UR → área) or edits one; the API checks the parent's kind. */
export function OrganisationForm({ organisation, parents }: { organisation?: OrganisationItem; parents: Option[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [version, setVersion] = useState(organisation?.version);
  useEffect(() => setVersion(organisation?.version), [organisation?.version]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const form = useForm<Values>({
    enhanceGetInputProps: ariaInvalid,
    initialValues: {
      kind: organisation?.kind ?? 'dependency',
      code: organisation?.code ?? '',
      name: organisation?.name ?? '',
      parentId: organisation?.parentId ?? null,
      email: organisation?.email ?? '',
      requestersSeeUnitTickets: organisation?.requestersSeeUnitTickets ?? false,
    },
    validate: { code: (v) => (v.trim() ? null : a.required), name: (v) => (v.trim() ? null : a.required) },
  });

  const submit = form.onSubmit(async (v) => {
    setError('');
    setNotice('');
    const common = {
      code: v.code.trim(),
      name: v.name.trim(),
      parentId: v.parentId,
      email: v.email.trim() || null,
      requestersSeeUnitTickets: v.requestersSeeUnitTickets,
    };
    try {
      if (organisation) {
        const saved = await apiFetch(`organisations/${organisation.id}`, { method: 'PATCH', body: { ...common, version } });
        setVersion(saved.version);
        setNotice(a.saved);
        router.refresh();
      } else {
        const created = await apiFetch('organisations', { method: 'POST', body: { ...common, kind: v.kind } });
        announceCreated(t.created(created.name));
        router.push(`/admin/organizaciones/${created.id}`);
      }
    } catch (e) {
      showProblem(e, form, FIELDS, setError);
    }
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="org-data">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="org-data">
            {t.dataSection}
          </Title>
          <Select label={t.kind} data={KINDS} required allowDeselect={false} disabled={Boolean(organisation)} {...form.getInputProps('kind')} />
          <TextInput label={t.code} description={t.codeHint} required autoComplete="off" {...form.getInputProps('code')} />
          <TextInput label={t.name} required autoComplete="off" {...form.getInputProps('name')} />
          <Select
            label={t.parent}
            placeholder={t.parentPlaceholder}
            data={parents.filter((p) => p.value !== organisation?.id)}
            searchable
            clearable
            nothingFoundMessage={messages.catalog.nothingFound}
            {...form.getInputProps('parentId')}
          />
          <TextInput label={t.email} type="email" autoComplete="off" {...form.getInputProps('email')} />
          <Checkbox label={t.shares} {...form.getInputProps('requestersSeeUnitTickets', { type: 'checkbox' })} />
          <FormAlert message={error} />
          <Notice text={notice} />
          <Group>
            <Button type="submit" disabled={!hydrated} loading={form.submitting}>
              {organisation ? a.save : a.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function OrganisationStatus({ organisation }: { organisation: OrganisationItem }) {
  return (
    <RecordStatus
      path={`organisations/${organisation.id}`}
      name={organisation.name}
      isActive={organisation.isActive}
      version={organisation.version}
      texts={t}
      headingId="org-status"
      testId="organisation-status"
    />
  );
}

type Location = Schemas['Location'];
type LocationValues = { name: string; building: string; address: string; municipality: string; state: string };
const LOCATION_FIELDS = ['name', 'building', 'address', 'municipality', 'state'] as const;

/** One location's fields, for adding a new one or editing one in a dialog. */
function LocationForm({
  organisationId,
  location,
  onSaved,
  submitLabel,
}: {
  organisationId: string;
  location?: Location;
  onSaved: (l: Location) => void;
  submitLabel: string;
}) {
  const hydrated = useHydrated();
  const [error, setError] = useState('');
  const form = useForm<LocationValues>({
    enhanceGetInputProps: ariaInvalid,
    initialValues: {
      name: location?.name ?? '',
      building: location?.building ?? '',
      address: location?.address ?? '',
      municipality: location?.municipality ?? '',
      state: location?.state ?? '',
    },
    validate: { name: (v) => (v.trim() ? null : a.required), municipality: (v) => (v.trim() ? null : a.required) },
  });
  const submit = form.onSubmit(async (v) => {
    setError('');
    const body = {
      name: v.name.trim(),
      building: v.building.trim() || null,
      address: v.address.trim() || null,
      municipality: v.municipality.trim(),
      state: v.state.trim() || null,
    };
    try {
      onSaved(
        location
          ? await apiFetch(`locations/${location.id}`, { method: 'PATCH', body: { ...body, version: location.version } })
          : await apiFetch(`organisations/${organisationId}/locations`, { method: 'POST', body }),
      );
      if (!location) form.reset();
    } catch (e) {
      showProblem(e, form, LOCATION_FIELDS, setError);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t.locationName} required autoComplete="off" {...form.getInputProps('name')} />
          <TextInput label={t.building} autoComplete="off" {...form.getInputProps('building')} />
          <TextInput label={t.address} autoComplete="off" {...form.getInputProps('address')} />
          <TextInput label={t.municipality} required autoComplete="off" {...form.getInputProps('municipality')} />
          <TextInput label={t.state} autoComplete="off" {...form.getInputProps('state')} />
        </SimpleGrid>
        <FormAlert message={error} />
        <Group>
          <Button type="submit" variant="light" disabled={!hydrated} loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function Locations({ organisation, initial }: { organisation: OrganisationItem; initial: Location[] }) {
  const hydrated = useHydrated();
  const [items, setItems] = useState(initial);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<Location | null>(null);
  const remove = async (l: Location) => {
    setNotice('');
    await apiFetch(`locations/${l.id}`, { method: 'DELETE' });
    setItems((current) => current.filter((i) => i.id !== l.id));
    setNotice(t.locationRemoved(l.name));
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="org-locations">
      <Stack gap="md">
        <Title order={2} size="h3" id="org-locations">
          {t.locationsSection}
        </Title>
        <Notice text={notice} />
        {items.length === 0 ? (
          <Text>{t.locationsEmpty}</Text>
        ) : (
          <ListTable caption={t.locationsCaption(organisation.name)} minWidth={640} headers={[t.locationName, t.building, t.municipality, t.state, t.actions]}>
            {items.map((l) => (
              <TableTr key={l.id}>
                <TableTd>{l.name}</TableTd>
                <TableTd>{l.building ?? messages.common.none}</TableTd>
                <TableTd>{l.municipality}</TableTd>
                <TableTd>{l.state ?? messages.common.none}</TableTd>
                <TableTd>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" aria-label={t.editLocation(l.name)} disabled={!hydrated} onClick={() => setEditing(l)}>
                      {a.edit}
                    </Button>
                    <ConfirmAction
                      label={a.remove}
                      ariaLabel={t.removeLocation(l.name)}
                      title={t.removeLocationTitle}
                      body={t.removeLocationBody(l.name)}
                      confirmLabel={a.remove}
                      danger
                      buttonProps={{ size: 'xs' }}
                      onConfirm={() => remove(l)}
                    />
                  </Group>
                </TableTd>
              </TableTr>
            ))}
          </ListTable>
        )}
        <Title order={3} size="h4">
          {t.addLocation}
        </Title>
        <LocationForm
          organisationId={organisation.id}
          submitLabel={t.addLocation}
          onSaved={(l) => {
            setItems((current) => [...current, l]);
            setNotice(t.locationAdded(l.name));
          }}
        />
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t.editLocation(editing.name) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': messages.common.close }}
      >
        {editing && (
          <LocationForm
            organisationId={organisation.id}
            location={editing}
            submitLabel={a.save}
            onSaved={(l) => {
              setItems((current) => current.map((i) => (i.id === l.id ? l : i)));
              setEditing(null);
              setNotice(t.locationSaved(l.name));
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}
