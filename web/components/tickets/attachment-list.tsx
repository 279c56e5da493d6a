'use client';

import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AttachmentItem } from '@/lib/tickets';
import { messages } from '@/messages/es-MX';

const p = messages.ticketPage;

/** What the API previews (GET /attachments/:id/preview): images and PDFs, by extension. */
function previewKind(fileName: string): 'image' | 'pdf' | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'png' || ext === 'jpg' || ext === 'jpeg' || ext === 'gif') return 'image';
  if (ext === 'pdf') return 'pdf';
  return null;
}

/** A ticket's files with their size; images and PDFs open in a preview inside the page. */
export function AttachmentList({ items }: { items: AttachmentItem[] }) {
  const [open, setOpen] = useState<AttachmentItem | null>(null);
  if (items.length === 0) return null;
  const kind = open ? previewKind(open.fileName) : null;
  const previewUrl = open ? `/api/v1/attachments/${open.id}/preview` : '';
  return (
    <>
      <Stack gap={4} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={messages.workspace.attachments}>
        {items.map((a) => (
          <Group key={a.id} component="li" gap="xs" wrap="wrap" data-attachment={a.fileName}>
            <Anchor href={`/api/v1/attachments/${a.id}/content`} size="sm" download={a.fileName} style={{ overflowWrap: 'anywhere' }}>
              {a.fileName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {p.size(a.size)}
            </Text>
            {previewKind(a.fileName) && (
              <Button variant="subtle" size="compact-xs" onClick={() => setOpen(a)} aria-label={p.preview.open(a.fileName)}>
                {p.preview.action}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? p.preview.title(open.fileName, p.size(open.size)) : ''}
        size="xl"
        closeButtonProps={{ 'aria-label': messages.common.close }}
      >
        {open && (
          <Stack gap="sm">
            {kind === 'image' && (
              // A plain img: the file comes from the API gateway, not Next's image optimiser.
              <img src={previewUrl} alt={open.fileName} style={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain', alignSelf: 'center' }} />
            )}
            {kind === 'pdf' && (
              <>
                <iframe src={previewUrl} title={open.fileName} style={{ width: '100%', height: '70vh', border: 0 }} />
                <Text size="sm" c="dimmed">
                  {p.preview.pdfFallback}
                </Text>
              </>
            )}
            <Group justify="flex-end">
              <Button component="a" href={`/api/v1/attachments/${open.id}/content`} download={open.fileName} variant="default">
                {p.preview.download}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
