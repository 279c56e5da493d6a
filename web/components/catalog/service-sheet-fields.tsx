'use client';

import { Grid, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { APPROVALS, SERVICE_TYPES } from '@/lib/catalog';
import { numberOrBlank as num } from '@/lib/form-builder';
import type { SheetChoices } from '@/lib/catalog';
import type { ServiceForm } from '@/lib/service-sheet';
import { PRIORITIES } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const t = messages.catalogAdmin;

/** The service's sheet: code, name, classification, approval, lead time and SLA targets. */
export function ServiceSheetFields({ form, choices }: { form: ServiceForm; choices?: SheetChoices }) {
  const current = form.values.calendarCode;
  // Active calendars, and the service's own even when inactive, so its value still shows.
  const calendars = (choices?.calendars ?? []).filter((c) => c.isActive || c.code === current).map((c) => ({ value: c.code, label: c.name }));
  if (!calendars.some((c) => c.value === current)) calendars.push({ value: current, label: current });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sheet-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="sheet-title">
          {t.sheet}
        </Title>
        <Grid gap="md" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t.code} description={t.codeHint} required maxLength={40} {...form.getInputProps('code')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label={t.name} required maxLength={200} {...form.getInputProps('name')} />
          </Grid.Col>
        </Grid>
        <Textarea label={t.description} autosize minRows={2} maxLength={5000} {...form.getInputProps('description')} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t.category} required maxLength={120} {...form.getInputProps('category')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t.subcategory} maxLength={120} {...form.getInputProps('subcategory')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect label={t.type} data={SERVICE_TYPES.map((v) => ({ value: v, label: t.types[v] }))} {...form.getInputProps('type')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect label={t.approval} data={APPROVALS.map((v) => ({ value: v, label: t.approvals[v] }))} {...form.getInputProps('approval')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect label={t.calendar} description={t.calendarHint} data={calendars} {...form.getInputProps('calendarCode')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label={t.leadTimeDays}
              description={t.leadTimeHint}
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('leadTimeDays')}
              onChange={(v) => form.setFieldValue('leadTimeDays', num(v))}
            />
          </Grid.Col>
        </Grid>
        <SlaTable form={form} />
      </Stack>
    </Paper>
  );
}

/**
 * Response and resolution per priority. A row is checked as a pair, so its error belongs to the
 * row (`slaTargets.high`): both inputs are marked and the message sits under the second.
 */
function SlaTable({ form }: { form: ServiceForm }) {
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
            const row = `slaTargets.${p}` as const;
            const error = form.errors[row];
            return (
              <Table.Tr key={p}>
                <Table.Th scope="row" fw={500}>
                  {name}
                </Table.Th>
                {(['responseMinutes', 'resolutionMinutes'] as const).map((part) => (
                  <Table.Td key={part}>
                    <NumberInput
                      size="xs"
                      aria-label={t.slaInputLabel(part === 'responseMinutes' ? t.responseMinutes : t.resolutionMinutes, name)}
                      min={1}
                      max={525600}
                      allowDecimal={false}
                      allowNegative={false}
                      {...form.getInputProps(`${row}.${part}`)}
                      onChange={(v) => {
                        form.setFieldValue(`${row}.${part}`, num(v));
                        form.clearFieldError(row);
                      }}
                      error={part === 'resolutionMinutes' ? error : error ? true : undefined}
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
