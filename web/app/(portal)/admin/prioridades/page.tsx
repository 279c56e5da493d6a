import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { serverApiGet } from '@/lib/api-server';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';
import { MatrixEditor } from './matrix-editor';

const t = messages.admin.priorityMatrix;

export const metadata: Metadata = { title: t.title };

export default async function PriorityMatrixPage() {
  const { allowed } = await authorise('tickets.configure');
  if (!allowed) return <Forbidden />;
  const { matrix } = await serverApiGet('priority-matrix');
  return (
    <Stack gap="lg" maw={880}>
      <Title order={1}>{t.title}</Title>
      <Text maw={720}>{t.intro}</Text>
      <MatrixEditor initial={matrix} />
    </Stack>
  );
}
