import { Table, TableCaption, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import type { FormField } from '@/lib/request-form';
import { yesNo } from '@/lib/format';
import { messages } from '@/messages/es-MX';

const t = messages.catalogVersions;

function rulesOf(field: FormField): string {
  const v = field.validation ?? {};
  const r = t.rules;
  return [
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
    <TableScrollContainer type="native" minWidth={720} tabIndex={0} role="region" aria-label={t.formCaption}>
      <Table striped withTableBorder captionSide="top" bg="white" verticalSpacing="xs" data-testid="version-form">
        <TableCaption ta="left" fw={600}>
          {t.formCaption}
        </TableCaption>
        <TableThead>
          <TableTr>
            <TableTh scope="col">{t.fieldNumber}</TableTh>
            <TableTh scope="col">{t.fieldLabel}</TableTh>
            <TableTh scope="col">{t.fieldKey}</TableTh>
            <TableTh scope="col">{t.fieldType}</TableTh>
            <TableTh scope="col">{t.fieldRequired}</TableTh>
            <TableTh scope="col">{t.fieldRules}</TableTh>
          </TableTr>
        </TableThead>
        <TableTbody>
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
              <TableTd>{rulesOf(field) || messages.common.none}</TableTd>
            </TableTr>
          ))}
        </TableTbody>
      </Table>
    </TableScrollContainer>
  );
}
