'use client';

import { Alert, Button, FileInput, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { apiFetch } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { uploadAttachment } from '@/lib/attachments';
import type { Article, ArticleKind } from '@/lib/tickets';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const w = messages.workspace;

/** Public reply or internal note; the two look different so a note is never sent by mistake. */
export function Composer({ ticketId }: { ticketId: string }) {
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
      setFieldError(w.required);
      return;
    }
    setFieldError('');
    setBusy(true);
    try {
      const article = await apiFetch<Article>(`tickets/${ticketId}/articles`, { body: { kind, body: body.trim() } });
      let notice: string = w.sent;
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
      p="md"
      radius="md"
      component="section"
      aria-labelledby="ticket-composer"
      bg={internal ? 'yellow.0' : 'white'}
      style={internal ? { borderLeft: '4px solid var(--mantine-color-yellow-8)' } : undefined}
    >
      <Title order={2} size="h4" id="ticket-composer" mb="sm">
        {w.composer}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
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
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Textarea
            label={internal ? w.internalNote : w.publicReply}
            description={internal ? w.composerInternalHint : w.composerPublicHint}
            required
            autosize
            minRows={3}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldError}
            aria-invalid={Boolean(fieldError)}
          />
          <FileInput
            label={w.attachment}
            clearable
            clearButtonProps={{ 'aria-label': messages.common.clearFile }}
            value={file}
            onChange={setFile}
          />
          <Button type="submit" loading={busy} disabled={!hydrated} color={internal ? 'yellow.3' : undefined} style={{ alignSelf: 'flex-start' }}>
            {internal ? w.sendInternal : w.sendPublic}
          </Button>
          <Text size="sm" role="status" aria-live="polite">
            {sent}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
