import { TableTd, TableTr, Text } from '@mantine/core';
import { ListTable } from '@/components/list-table';
import type { FormField } from '@/lib/request-form';
import { yesNo } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.catalogVersions;

function rulesOf(field: FormField, fields: FormField[]): string {
  const v = field.validation ?? {};
  const r = t.rules;
  const labelOf = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  return [
    field.showWhen ? r.showWhen(labelOf(field.showWhen.field), field.showWhen.values.join(', ')) : null,
    field.requiredWhen ? r.requiredWhen(labelOf(field.requiredWhen.field), field.requiredWhen.values.join(', ')) : null,
    v.options?.length ? r.options(v.options.join(', ')) : null,
    v.min !== undefined ? r.min(v.min) : null,
    v.max !== undefined ? r.max(v.max) : null,
    v.minLength !== undefined ? r.minLength(v.minLength) : null,
    v.maxLength !== undefined ? r.maxLength(v.maxLength) : null,
    v.integer ? r.integer : null,
    v.regex ? r.regex(v.regex) : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/** A published version's request form as a read-only list of its fields and their rules. */
export function VersionFormTable({ fields }: { fields: FormField[] }) {
  if (fields.length === 0) return <Text c="dimmed">{t.noFormFields}</Text>;
  return (
    <ListTable
      caption={t.formCaption}
      minWidth={720}
      verticalSpacing="xs"
      headers={[t.fieldNumber, t.fieldLabel, t.fieldKey, t.fieldType, t.fieldRequired, t.fieldRules]}
      data-testid="version-form"
    >
      {fields.map((field, i) => (
        <TableTr key={field.key} data-field-key={field.key}>
          <TableTd>{i + 1}</TableTd>
          <TableTd>
            <Text size="sm" fw={500}>
              {field.label}
            </Text>
            {field.help && (
              <Text size="xs" c="dimmed">
                {field.help}
              </Text>
            )}
          </TableTd>
          <TableTd>
            <Text ff="monospace" size="sm">
              {field.key}
            </Text>
          </TableTd>
          <TableTd>{messages.catalogAdmin.fieldTypes[field.type] ?? field.type}</TableTd>
          <TableTd>{yesNo(field.required)}</TableTd>
          <TableTd>{rulesOf(field, fields) || messages.common.none}</TableTd>
        </TableTr>
      ))}
    </ListTable>
  );
}
