'use client';

import { Alert, Box, Button, Grid, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { FieldEditor } from '@/components/catalog/form-field-editor';
import { RequestFormFields } from '@/components/catalog/request-form-fields';
import { ServiceOwnershipFields } from '@/components/catalog/service-ownership-fields';
import { ServiceVisibilityFields } from '@/components/catalog/service-visibility-fields';
import { ServiceStatusBadge } from '@/components/catalog/status-badge';
import { FormAlert } from '@/components/form-alert';
import { ApiError, apiFetch } from '@/lib/api-client';
import { isVersionConflict, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { APPROVALS, SERVICE_TYPES, type Approval, type ServiceDto, type ServiceType, type SheetChoices, type SlaTargets } from '@/lib/catalog';
import { fromFormField, move, newBuilderField, numberOrBlank as num, toFormField, uniqueKey, keyFromLabel, type BuilderField } from '@/lib/form-builder';
import { checkFormDefinition, checkRequestForm, emptyValue, type InputValue, type InputValues } from '@/lib/request-form';
import { PRIORITIES, type Priority } from '@/lib/tickets';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

type Sheet = {
  code: string;
  name: string;
  description: string;
  category: string;
  subcategory: string;
  type: ServiceType;
  portalOrderable: boolean;
  leadTimeDays: number | '';
  approval: Approval;
  sla: Record<Priority, { response: number | ''; resolution: number | '' }>;
  ownerOrganisationId: string | null;
  teamL1Id: string | null;
  teamL2Id: string | null;
  teamL3Id: string | null;
  teamFieldId: string | null;
  restricted: boolean;
  allowedOrganisationIds: string[];
};

function sheetOf(s?: ServiceDto): Sheet {
  const sla = Object.fromEntries(
    PRIORITIES.map((p) => [p, { response: s?.slaTargets?.[p]?.responseMinutes ?? '', resolution: s?.slaTargets?.[p]?.resolutionMinutes ?? '' }]),
  ) as Sheet['sla'];
  return {
    code: s?.code ?? '',
    name: s?.name ?? '',
    description: s?.description ?? '',
    category: s?.category ?? '',
    subcategory: s?.subcategory ?? '',
    type: s?.type ?? 'service_request',
    portalOrderable: s?.portalOrderable ?? true,
    leadTimeDays: s?.leadTimeDays ?? 0,
    approval: s?.approval ?? 'none',
    sla,
    ownerOrganisationId: s?.ownerOrganisationId ?? null,
    teamL1Id: s?.teamL1Id ?? null,
    teamL2Id: s?.teamL2Id ?? null,
    teamL3Id: s?.teamL3Id ?? null,
    teamFieldId: s?.teamFieldId ?? null,
    restricted: s?.restricted ?? false,
    allowedOrganisationIds: s?.allowedOrganisationIds ?? [],
  };
}

// The API names each bad entry of a list (allowedOrganisationIds.3); the form shows them on the list.
const errorKey = (field: string) => field.replace(/^(allowedOrganisationIds)\.\d+$/, '$1');

/** Create or edit a service: its sheet, its request form, and a live preview of that form. */
export function ServiceEditor({ service, choices }: { service?: ServiceDto; choices: SheetChoices }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [sheet, setSheet] = useState<Sheet>(() => sheetOf(service));
  const [fields, setFields] = useState<BuilderField[]>(() => (service?.form ?? []).map(fromFormField));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [saving, setSaving] = useState<'save' | 'publish' | null>(null);
  const [previewValues, setPreviewValues] = useState<InputValues>({});
  const [previewErrors, setPreviewErrors] = useState<Record<string, string>>({});
  const [previewOk, setPreviewOk] = useState(false);

  const status = service?.status ?? 'draft';
  const readOnly = status === 'retired';
  const formFields = fields.map(toFormField);

  const setSheetValues = (patch: Partial<Sheet>) => {
    setSheet((s) => ({ ...s, ...patch }));
    setErrors((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !(k in patch))));
  };
  const setSheetValue = <K extends keyof Sheet>(key: K, value: Sheet[K]) => setSheetValues({ [key]: value } as Partial<Sheet>);

  const clearFormErrors = () => setErrors((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith('form.'))));

  const updateField = (index: number, patch: Partial<BuilderField>) => {
    setFields((list) =>
      list.map((f, i) => {
        if (i !== index) return f;
        const next = { ...f, ...patch };
        if (patch.label !== undefined && !f.keyEdited) {
          next.key = uniqueKey(keyFromLabel(patch.label), list.filter((_, j) => j !== i).map((o) => o.key));
        }
        return next;
      }),
    );
    setErrors((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith(`form.${index}.`))));
    setPreviewOk(false);
  };

  const addField = () => {
    const field = newBuilderField(t.newFieldLabel(fields.length + 1), fields.map((f) => f.key));
    setFields((list) => [...list, field]);
    clearFormErrors();
    setAnnouncement(t.fieldAdded);
    requestAnimationFrame(() => document.getElementById(`${field.uid}-label`)?.focus());
  };

  const removeField = (index: number) => {
    const removed = fields[index];
    setFields((list) => list.filter((_, i) => i !== index));
    clearFormErrors();
    setAnnouncement(t.fieldRemoved(removed.label));
    requestAnimationFrame(() => document.getElementById('add-field')?.focus());
  };

  const moveField = (index: number, to: number) => {
    const moved = fields[index];
    setFields((list) => move(list, index, to));
    clearFormErrors();
    setAnnouncement(t.fieldMoved(moved.label, to + 1));
    requestAnimationFrame(() => document.getElementById(`${moved.uid}-${to < index ? 'up' : 'down'}`)?.focus());
  };

  const checkLocally = (): Record<string, string> => {
    const found: Record<string, string> = {};
    const required = messages.catalog.required;
    if (!sheet.code.trim()) found.code = required;
    else if (!/^[A-Za-z0-9._-]+$/.test(sheet.code.trim())) found.code = t.codeHint;
    if (!sheet.name.trim()) found.name = required;
    if (!sheet.category.trim()) found.category = required;
    if (sheet.restricted && sheet.allowedOrganisationIds.length === 0) found.allowedOrganisationIds = t.allowedRequired;
    for (const p of PRIORITIES) {
      const { response, resolution } = sheet.sla[p];
      if ((response === '') !== (resolution === '')) found[`slaTargets.${p}`] = t.slaIncomplete;
    }
    formFields.forEach((f, i) => {
      if (!f.label) found[`form.${i}.label`] = required;
    });
    for (const e of checkFormDefinition(formFields)) {
      const key = e.field.replace(/^fields/, 'form');
      if (!found[key]) found[key] = e.message;
    }
    return found;
  };

  const body = () => {
    const slaTargets: SlaTargets = {};
    for (const p of PRIORITIES) {
      const { response, resolution } = sheet.sla[p];
      if (response !== '' && resolution !== '') slaTargets[p] = { responseMinutes: response, resolutionMinutes: resolution };
    }
    return {
      code: sheet.code.trim(),
      name: sheet.name.trim(),
      description: sheet.description.trim() || null,
      category: sheet.category.trim(),
      subcategory: sheet.subcategory.trim() || null,
      type: sheet.type,
      portalOrderable: sheet.portalOrderable,
      leadTimeDays: sheet.leadTimeDays === '' ? 0 : sheet.leadTimeDays,
      approval: sheet.approval,
      slaTargets,
      ownerOrganisationId: sheet.ownerOrganisationId,
      teamL1Id: sheet.teamL1Id,
      teamL2Id: sheet.teamL2Id,
      teamL3Id: sheet.teamL3Id,
      teamFieldId: sheet.teamFieldId,
      restricted: sheet.restricted,
      allowedOrganisationIds: sheet.allowedOrganisationIds,
      form: formFields,
    };
  };

  const save = async (publish: boolean) => {
    setFormError('');
    const found = checkLocally();
    setErrors(found);
    if (Object.keys(found).length) {
      setFormError(messages.common.checkFields);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('#service-form [aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(publish ? 'publish' : 'save');
    try {
      if (!service) {
        await apiFetch<ServiceDto>('catalog/services', { body: { ...body(), status: publish ? 'active' : 'draft' } });
      } else {
        await apiFetch<ServiceDto>(`catalog/services/${service.id}`, { method: 'PATCH', body: { ...body(), version: service.version } });
        // Saving an active service already publishes a new version.
        if (publish && service.status !== 'active') await apiFetch(`catalog/services/${service.id}/publish`, { method: 'POST' });
      }
    } catch (error) {
      setSaving(null);
      if (redirectIfSignedOut(error)) return;
      if (isVersionConflict(error)) {
        setFormError(t.conflict);
        return;
      }
      const fromServer: Record<string, string> = {};
      if (error instanceof ApiError) for (const e of error.errors) if (e.field && !fromServer[errorKey(e.field)]) fromServer[errorKey(e.field)] = e.message;
      setErrors(fromServer);
      const shown = Object.keys(fromServer).some((k) => document.querySelector(`[data-error-key="${CSS.escape(k)}"]`));
      setFormError(shown ? messages.common.checkFields : problemMessage(error));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('#service-form [aria-invalid="true"]')?.focus());
      return;
    }
    router.push('/catalogo');
    router.refresh();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(false);
  };

  const setPreviewValue = (key: string, value: InputValue) => {
    setPreviewValues((v) => ({ ...v, [key]: value }));
    setPreviewErrors(({ [key]: _dropped, ...rest }) => rest);
    setPreviewOk(false);
  };
  const previewInputValues: InputValues = Object.fromEntries(formFields.map((f) => [f.key, previewValues[f.key] ?? emptyValue(f)]));
  const checkPreview = () => {
    const found = checkRequestForm(formFields, previewInputValues, sheet.leadTimeDays === '' ? 0 : sheet.leadTimeDays);
    setPreviewErrors(found);
    setPreviewOk(Object.keys(found).length === 0);
  };

  const err = (key: string) => errors[key];
  const errProps = (key: string) => ({ error: err(key), 'data-error-key': key });

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={1}>{service ? t.editTitle(service.name) : t.newTitle}</Title>
          {service && <ServiceStatusBadge status={service.status} />}
        </Group>
        <Group gap="md">
          {service && <AnchorLink href={`/catalogo/${service.id}/versiones`}>{t.versionsLink}</AnchorLink>}
          <AnchorLink href="/catalogo">{t.cancel}</AnchorLink>
        </Group>
      </Group>
      {status === 'active' && <Alert variant="light" color="blue">{t.activeNote}</Alert>}
      {readOnly && <Alert variant="light" color="yellow">{t.retiredNote}</Alert>}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <form id="service-form" onSubmit={onSubmit} noValidate>
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Stack gap="lg">
                <FormAlert message={formError} />
                <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sheet-title">
                  <Stack gap="md">
                    <Title order={2} size="h3" id="sheet-title">
                      {t.sheet}
                    </Title>
                    <Grid gap="md" align="flex-end">
                      <Grid.Col span={{ base: 12, sm: 4 }}>
                        <TextInput
                          label={t.code}
                          description={t.codeHint}
                          required
                          maxLength={40}
                          value={sheet.code}
                          onChange={(e) => setSheetValue('code', e.currentTarget.value)}
                          {...errProps('code')}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 8 }}>
                        <TextInput label={t.name} required maxLength={200} value={sheet.name} onChange={(e) => setSheetValue('name', e.currentTarget.value)} {...errProps('name')} />
                      </Grid.Col>
                    </Grid>
                    <Textarea
                      label={t.description}
                      autosize
                      minRows={2}
                      maxLength={5000}
                      value={sheet.description}
                      onChange={(e) => setSheetValue('description', e.currentTarget.value)}
                      {...errProps('description')}
                    />
                    <Grid gap="md">
                      <Grid.Col span={{ base: 12, sm: 6 }}>
                        <TextInput label={t.category} required maxLength={120} value={sheet.category} onChange={(e) => setSheetValue('category', e.currentTarget.value)} {...errProps('category')} />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 6 }}>
                        <TextInput label={t.subcategory} maxLength={120} value={sheet.subcategory} onChange={(e) => setSheetValue('subcategory', e.currentTarget.value)} {...errProps('subcategory')} />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 6 }}>
                        <NativeSelect
                          label={t.type}
                          data={SERVICE_TYPES.map((v) => ({ value: v, label: t.types[v] }))}
                          value={sheet.type}
                          onChange={(e) => setSheetValue('type', e.currentTarget.value as ServiceType)}
                          {...errProps('type')}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 6 }}>
                        <NativeSelect
                          label={t.approval}
                          data={APPROVALS.map((v) => ({ value: v, label: t.approvals[v] }))}
                          value={sheet.approval}
                          onChange={(e) => setSheetValue('approval', e.currentTarget.value as Approval)}
                          {...errProps('approval')}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 6 }}>
                        <NumberInput
                          label={t.leadTimeDays}
                          description={t.leadTimeHint}
                          min={0}
                          max={365}
                          allowDecimal={false}
                          allowNegative={false}
                          value={sheet.leadTimeDays}
                          onChange={(v) => setSheetValue('leadTimeDays', num(v))}
                          {...errProps('leadTimeDays')}
                        />
                      </Grid.Col>
                    </Grid>
                    <SlaTable sheet={sheet} errors={errors} onChange={(sla) => setSheetValue('sla', sla)} />
                  </Stack>
                </Paper>

                <ServiceOwnershipFields values={sheet} choices={choices} errProps={errProps} onChange={setSheetValue} />
                <ServiceVisibilityFields values={sheet} organisations={choices.organisations} errProps={errProps} onChange={setSheetValues} />

                <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="builder-title">
                  <Stack gap="md">
                    <Stack gap={2}>
                      <Title order={2} size="h3" id="builder-title">
                        {t.builder}
                      </Title>
                      <Text size="sm" c="dimmed">
                        {t.builderHint}
                      </Text>
                    </Stack>
                    {fields.length === 0 && <Text c="dimmed">{t.noFields}</Text>}
                    <Stack gap="md" component="ol" aria-label={t.fieldsList} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                      {fields.map((field, index) => (
                        <Box component="li" key={field.uid}>
                          <FieldEditor
                            field={field}
                            index={index}
                            count={fields.length}
                            errors={errors}
                            onChange={(patch) => updateField(index, patch)}
                            onMove={(to) => moveField(index, to)}
                            onRemove={() => removeField(index)}
                          />
                        </Box>
                      ))}
                    </Stack>
                    <Group>
                      <Button id="add-field" variant="light" onClick={addField}>
                        {t.addField}
                      </Button>
                    </Group>
                  </Stack>
                </Paper>

                <Group gap="md">
                  <Button type="submit" loading={saving === 'save'} disabled={!hydrated || saving !== null}>
                    {service?.status === 'active' ? t.save : t.saveDraft}
                  </Button>
                  {service?.status !== 'active' && (
                    <Button variant="outline" loading={saving === 'publish'} disabled={!hydrated || saving !== null} onClick={() => void save(true)}>
                      {t.saveAndPublish}
                    </Button>
                  )}
                  <AnchorLink href="/catalogo">{t.cancel}</AnchorLink>
                </Group>
              </Stack>
            </fieldset>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 16px)' }}>
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="preview-title" bg="gray.0" data-testid="form-preview">
            <Stack gap="md">
              <Stack gap={2}>
                <Title order={2} size="h3" id="preview-title">
                  {t.preview}
                </Title>
                <Text size="sm" c="dimmed">
                  {t.previewHint}
                </Text>
              </Stack>
              <Paper p="md" radius="md" withBorder>
                {formFields.length ? (
                  <RequestFormFields fields={formFields} values={previewInputValues} errors={previewErrors} onChange={setPreviewValue} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {messages.catalog.noFormFields}
                  </Text>
                )}
              </Paper>
              <Group gap="sm">
                <Button variant="default" onClick={checkPreview} disabled={!hydrated || formFields.length === 0}>
                  {t.previewCheck}
                </Button>
                <Text size="sm" c="teal.9" role="status">
                  {previewOk ? t.previewOk : ''}
                </Text>
              </Group>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function SlaTable({ sheet, errors, onChange }: { sheet: Sheet; errors: Record<string, string>; onChange: (sla: Sheet['sla']) => void }) {
  const set = (p: Priority, part: 'response' | 'resolution', value: number | '') => onChange({ ...sheet.sla, [p]: { ...sheet.sla[p], [part]: value } });
  return (
    <Stack gap={4}>
      <Text fw={500} size="sm" id="sla-title">
        {t.sla}
      </Text>
      <Text size="xs" c="dimmed">
        {t.slaHint}
      </Text>
      <Table withTableBorder verticalSpacing={4} aria-labelledby="sla-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.priority}</Table.Th>
            <Table.Th scope="col">{t.responseMinutes}</Table.Th>
            <Table.Th scope="col">{t.resolutionMinutes}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRIORITIES.map((p) => {
            const name = messages.tickets.priorities[p];
            const error = errors[`slaTargets.${p}`];
            return (
              <Table.Tr key={p}>
                <Table.Th scope="row" fw={500}>
                  {name}
                </Table.Th>
                {(['response', 'resolution'] as const).map((part) => (
                  <Table.Td key={part}>
                    <NumberInput
                      size="xs"
                      aria-label={t.slaInputLabel(part === 'response' ? t.responseMinutes : t.resolutionMinutes, name)}
                      min={1}
                      max={525600}
                      allowDecimal={false}
                      allowNegative={false}
                      value={sheet.sla[p][part]}
                      onChange={(v) => set(p, part, num(v))}
                      error={part === 'resolution' ? error : error ? true : undefined}
                      data-error-key={`slaTargets.${p}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
