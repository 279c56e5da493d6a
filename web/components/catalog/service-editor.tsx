'use client';

import { Alert, Button, Grid, Group, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { RequestFormPreview } from '@/components/catalog/request-form-preview';
import { ServiceFormBuilder } from '@/components/catalog/service-form-builder';
import { ServiceOwnershipFields } from '@/components/catalog/service-ownership-fields';
import { ServiceSheetFields } from '@/components/catalog/service-sheet-fields';
import { ServiceVisibilityFields } from '@/components/catalog/service-visibility-fields';
import { ServiceStatusBadge } from '@/components/catalog/status-badge';
import { FormAlert } from '@/components/form-alert';
import { ApiError, apiFetch } from '@/lib/api-client';
import { isVersionConflict, problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import type { ServiceDto, SheetChoices } from '@/lib/catalog';
import { toFormField } from '@/lib/form-builder';
import { ariaInvalid, useFocusFirstInvalid } from '@/lib/form-a11y';
import { checkServiceValues, leadTimeOf, placeApiErrors, serviceBody, serviceValuesOf, type ServiceValues } from '@/lib/service-sheet';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

/** Create or edit a service: its sheet, its request form, and a live preview of that form. */
export function ServiceEditor({ service, choices, deskTimeZone }: { service?: ServiceDto; choices: SheetChoices; deskTimeZone: string }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [formError, setFormError] = useState('');
  // Set until the page leaves, so the buttons stay disabled while the catalog loads.
  const [saving, setSaving] = useState<'save' | 'publish' | null>(null);
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const form = useForm<ServiceValues>({
    mode: 'controlled',
    enhanceGetInputProps: ariaInvalid,
    initialValues: serviceValuesOf(service),
    validate: checkServiceValues,
  });

  const status = service?.status ?? 'draft';
  const readOnly = status === 'retired';

  const save = async (values: ServiceValues, publish: boolean) => {
    setFormError('');
    setSaving(publish ? 'publish' : 'save');
    try {
      if (!service) {
        await apiFetch('catalog/services', { body: { ...serviceBody(values), status: publish ? 'active' : 'draft' } });
      } else {
        await apiFetch(`catalog/services/${service.id}`, { method: 'PATCH', body: { ...serviceBody(values), version: service.version } });
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
      const placed = error instanceof ApiError ? placeApiErrors(error.errors, values) : {};
      form.setErrors(placed);
      setFormError(Object.keys(placed).length ? messages.common.checkFields : problemMessage(error));
      focusFirstInvalid();
      return;
    }
    router.push('/catalogo');
    router.refresh();
  };

  const submit = (publish: boolean) =>
    form.onSubmit(
      (values) => save(values, publish),
      () => {
        setFormError(messages.common.checkFields);
        focusFirstInvalid();
      },
    );

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
      {status === 'active' && (
        <Alert variant="light" color="blue">
          {t.activeNote}
        </Alert>
      )}
      {readOnly && (
        <Alert variant="light" color="yellow">
          {t.retiredNote}
        </Alert>
      )}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <form id="service-form" ref={formRef} onSubmit={submit(false)} noValidate>
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Stack gap="lg">
                <FormAlert message={formError} />
                <ServiceSheetFields form={form} choices={choices} />
                <ServiceOwnershipFields form={form} choices={choices} />
                <ServiceVisibilityFields form={form} organisations={choices.organisations} />
                <ServiceFormBuilder form={form} />
                <Group gap="md">
                  <Button type="submit" loading={saving === 'save'} disabled={!hydrated || saving !== null}>
                    {service?.status === 'active' ? t.save : t.saveDraft}
                  </Button>
                  {service?.status !== 'active' && (
                    <Button variant="outline" loading={saving === 'publish'} disabled={!hydrated || saving !== null} onClick={() => submit(true)()}>
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
          <RequestFormPreview fields={form.values.form.map(toFormField)} leadTimeDays={leadTimeOf(form.values)} deskTimeZone={deskTimeZone} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
