import { Anchor, DataList, DataListItem, DataListItemLabel, DataListItemValue, Paper, Title } from '@mantine/core';
import { formatValue, yesNo } from '@/lib/format';
import type { AttachmentItem, Ticket } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const tk = messages.tickets;

/** A calendar date as the form stored it (YYYY-MM-DD) reads dd/mm/aaaa; anything else as given. */
function formatDay(value: unknown): string {
  if (typeof value !== 'string') return formatValue(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** One answer of the request form as text: ranges read "del X al Y", lists are joined with commas. */
export function formatAnswer(value: unknown): string {
  if (value === null || value === undefined || value === '') return messages.common.none;
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'string' ? v : formatAnswer(v))).join(', ') : messages.common.none;
  if (typeof value === 'object' && 'from' in value && 'to' in value) {
    const range = value as { from: unknown; to: unknown };
    return tk.formDateRange(formatDay(range.from), formatDay(range.to));
  }
  if (typeof value === 'string') return value;
  return formatValue(value);
}

type Props = {
  ticket: Pick<Ticket, 'formFields' | 'formData'>;
  headingId: string;
  /** The heading's size, to match the page's other sections. */
  headingSize: 'h3' | 'h4';
  padding: 'md' | 'lg';
  /** The ticket's files: a `file` answer is the id of one of them, shown by its name. */
  attachments?: AttachmentItem[];
};

/** "Datos de la solicitud": each field of the service's form with its answer; nothing when the ticket had no form. */
export function FormAnswers({ ticket, headingId, headingSize, padding, attachments = [] }: Props) {
  const fields = ticket.formFields ?? [];
  if (fields.length === 0) return null;
  const data = ticket.formData ?? {};
  return (
    <Paper withBorder p={padding} radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size={headingSize} id={headingId} mb="sm">
        {tk.formData}
      </Title>
      <DataList labelWidth={160} data-testid="form-answers">
        {fields.map((f) => (
          <DataListItem key={f.key} data-field-key={f.key}>
            <DataListItemLabel>{f.label}</DataListItemLabel>
            <DataListItemValue style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              <Answer type={f.type} value={data[f.key]} attachments={attachments} />
            </DataListItemValue>
          </DataListItem>
        ))}
      </DataList>
    </Paper>
  );
}

function Answer({ type, value, attachments }: { type: string; value: unknown; attachments: AttachmentItem[] }) {
  const file = type === 'file' && typeof value === 'string' ? attachments.find((a) => a.id === value) : undefined;
  if (file) {
    return (
      <Anchor href={`/api/v1/attachments/${file.id}/content`} download={file.fileName} size="sm">
        {file.fileName}
      </Anchor>
    );
  }
  // A file the reader may not open (or no longer on the ticket) is not shown by its internal id.
  if (type === 'file' && value) return <>{tk.formFileAttached}</>;
  return <>{formatAnswer(value)}</>;
}
