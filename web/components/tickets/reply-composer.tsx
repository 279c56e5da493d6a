'use client';

import { Button, FileInput, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { TextModuleTextarea } from '@/components/tickets/text-module-textarea';
import { apiFetch } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { uploadAttachment } from '@/lib/attachments';
import type { ArticleKind } from '@/lib/tickets';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const w = messages.workspace;

export type ReplyTexts = {
  heading: string;
  label: string;
  hint: string;
  send: string;
  sent: string;
  required: string;
};

type Props = {
  ticketId: string;
  headingId: string;
  texts: ReplyTexts;
  /**
   * Staff may write an internal note instead of a public reply; a note looks different so it
   * is never sent by mistake. Their composer is also denser, beside the ticket's fields.
   */
  staff?: boolean;
};

/** A public reply (or, for staff, an internal note) with an optional attachment. */
export function ReplyComposer({ ticketId, headingId, texts, staff = false }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [kind, setKind] = useState<ArticleKind>('public');
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [sent, setSent] = useState('');
  const [busy, setBusy] = useState(false);
  const internal = kind === 'internal';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError('');
    setSent('');
    if (!body.trim()) {
      setFieldError(texts.required);
      return;
    }
    setFieldError('');
    setBusy(true);
    try {
      const article = await apiFetch(`tickets/${ticketId}/articles`, { body: { kind, body: body.trim() } });
      let notice = texts.sent;
      if (file) {
        try {
          await uploadAttachment(ticketId, file, article.id);
        } catch {
          notice = w.attachmentFailed;
        }
      }
      setBody('');
      setFile(null);
      setSent(notice);
      router.refresh();
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      setError(problemMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper
      withBorder
      p={staff ? 'md' : 'lg'}
      radius="md"
      component="section"
      aria-labelledby={headingId}
      bg={internal ? 'yellow.0' : staff ? 'white' : undefined}
      style={internal ? { borderLeft: '4px solid var(--mantine-color-yellow-8)' } : undefined}
    >
      <Title order={2} size={staff ? 'h4' : 'h3'} id={headingId} mb="sm">
        {texts.heading}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {staff && (
            <SegmentedControl
              aria-label={w.composerKind}
              value={kind}
              onChange={(v) => setKind(v as ArticleKind)}
              data={[
                { value: 'public', label: w.publicReply },
                { value: 'internal', label: w.internalNote },
              ]}
              color={internal ? 'yellow.3' : 'blue.8'}
              style={{ alignSelf: 'flex-start' }}
            />
          )}
          <FormAlert message={error} />
          <TextModuleTextarea
            label={internal ? w.internalNote : texts.label}
            description={internal ? w.composerInternalHint : texts.hint}
            required
            autosize
            minRows={3}
            value={body}
            onChange={setBody}
            ticketId={ticketId}
            withTextModules={staff}
            onInsertError={setError}
            error={fieldError}
            aria-invalid={Boolean(fieldError)}
          />
          <FileInput label={w.attachment} clearable clearButtonProps={{ 'aria-label': messages.common.clearFile }} value={file} onChange={setFile} />
          <Button type="submit" loading={busy} disabled={!hydrated} color={internal ? 'yellow.3' : undefined} style={{ alignSelf: 'flex-start' }}>
            {internal ? w.sendInternal : texts.send}
          </Button>
          <Text size={staff ? 'sm' : undefined} role="status" aria-live="polite">
            {sent}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
