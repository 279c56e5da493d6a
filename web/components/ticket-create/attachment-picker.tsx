'use client';

import { FileInput } from '@mantine/core';
import { MAX_FILES_ON_CREATE } from '@/lib/attachments';
import { messages } from '@/messages/es-MX';

const t = messages.ticketCreate;

type Props = { value: File[]; onChange: (files: File[]) => void; error?: string };

/** Files to send with a new ticket; they are uploaded right after it is created (see uploadAll). */
export function AttachmentPicker({ value, onChange, error }: Props) {
  return (
    <FileInput
      multiple
      clearable
      label={t.attachments}
      description={t.attachmentsHint(MAX_FILES_ON_CREATE)}
      placeholder={t.attachmentsPlaceholder}
      clearButtonProps={{ 'aria-label': messages.common.clearFile }}
      value={value}
      error={error}
      onChange={(files) => onChange(files ?? [])}
    />
  );
}

/** The picker's own check: the number of files (type and size are the server's to judge). */
export function attachmentsError(files: File[]): string | undefined {
  return files.length > MAX_FILES_ON_CREATE ? t.tooManyFiles(MAX_FILES_ON_CREATE) : undefined;
}
