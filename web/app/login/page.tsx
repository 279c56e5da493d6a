import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getMe } from '@/lib/api-server';
import { MAIN_CONTENT_ID } from '@/lib/layout-ids';
import { safeNextPath } from '@/lib/next-path';
import { messages } from '@/messages/es-MX';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: messages.login.title };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getMe()) redirect(next ?? '/');
  return (
    <Center component="main" id={MAIN_CONTENT_ID} tabIndex={-1} mih="100vh" p="md" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Text fw={700} c="blue.9" size="lg">
              {messages.app.name}
            </Text>
            <Title order={1} size="h2">
              {messages.login.title}
            </Title>
            <Text c="dimmed" size="sm">
              {messages.login.intro}
            </Text>
          </Stack>
          <LoginForm next={next} />
        </Stack>
      </Paper>
    </Center>
  );
}
