'use client';

import { Box, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { FieldEditor } from '@/components/catalog/form-field-editor';
import { newBuilderField } from '@/lib/form-builder';
import type { ServiceForm } from '@/lib/service-sheet';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

/** The service's request form: a list of fields the manager adds, reorders and removes. */
export function ServiceFormBuilder({ form }: { form: ServiceForm }) {
  const [announcement, setAnnouncement] = useState('');
  const fields = form.values.form;

  // The definition's rules span fields (a repeated key), so a change to the list drops them all.
  const clearFieldErrors = () => form.setErrors((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith('form.'))));

  const addField = () => {
    const field = newBuilderField(
      t.newFieldLabel(fields.length + 1),
      fields.map((f) => f.key),
    );
    clearFieldErrors();
    form.insertListItem('form', field);
    setAnnouncement(t.fieldAdded);
    requestAnimationFrame(() => document.getElementById(`${field.uid}-label`)?.focus());
  };

  const removeField = (index: number) => {
    const removed = fields[index];
    clearFieldErrors();
    form.removeListItem('form', index);
    setAnnouncement(t.fieldRemoved(removed.label));
    requestAnimationFrame(() => document.getElementById('add-field')?.focus());
  };

  const moveField = (index: number, to: number) => {
    if (to < 0 || to >= fields.length) return;
    const moved = fields[index];
    clearFieldErrors();
    form.reorderListItem('form', { from: index, to });
    setAnnouncement(t.fieldMoved(moved.label, to + 1));
    requestAnimationFrame(() => document.getElementById(`${moved.uid}-${to < index ? 'up' : 'down'}`)?.focus());
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="builder-title">
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
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
              <FieldEditor form={form} index={index} onMove={(to) => moveField(index, to)} onRemove={() => removeField(index)} />
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
  );
}
