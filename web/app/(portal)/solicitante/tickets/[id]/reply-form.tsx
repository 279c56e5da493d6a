'use client';

import { Alert, Button, FileInput, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { apiFetch } from '@/lib/api-client';
import { problemMessage, redirectIfSignedOut } from '@/lib/api-errors';
import { uploadAttachment } from '@/lib/attachments';
import type { Article } from '@/lib/tickets';
import { useHydrated } from '@/lib/use-hydrated';
import { messages } from '@/messages/es-MX';

const t = messages.requester;

export function ReplyForm({ ticketId }: { ticketId: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [sent, setSent] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError('');
    setSent('');
    if (!body.trim()) {
      setFieldError(t.required);
      return;
    }
    setFieldError('');
    setBusy(true);
    try {
      const article = await apiFetch<Article>(`tickets/${ticketId}/articles`, { body: { kind: 'public', body: body.trim() } });
      let notice: string = t.replySent;
      if (file) {
        try {
          await uploadAttachment(ticketId, file, article.id);
        } catch {
          notice = messages.workspace.attachmentFailed;
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
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="solicitud-responder">
      <Title order={2} size="h3" id="solicitud-responder" mb="sm">
        {t.reply}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Textarea
            label={t.reply}
            description={t.replyHint}
            required
            autosize
            minRows={3}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldError}
            aria-invalid={Boolean(fieldError)}
          />
          <FileInput
            label={messages.workspace.attachment}
            clearable
            clearButtonProps={{ 'aria-label': messages.common.clearFile }}
            value={file}
            onChange={setFile}
          />
          <Button type="submit" loading={busy} disabled={!hydrated} style={{ alignSelf: 'flex-start' }}>
            {t.sendReply}
          </Button>
          <div role="status" aria-live="polite">
            {sent}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
