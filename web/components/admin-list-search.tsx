import { Button, Group, Paper, TextInput } from '@mantine/core';
import { AnchorLink } from '@/components/anchor-link';
import type { AdminListPageProps } from '@/lib/admin-lists';
import { messages } from '@/messages/es-MX';

const s = messages.admin.search;

/** The `q` an admin list was asked for (the API searches names without accents or case). */
export async function listQuery(searchParams: AdminListPageProps['searchParams']): Promise<string | undefined> {
  const { q } = await searchParams;
  const text = typeof q === 'string' ? q.trim().slice(0, 100) : '';
  return text || undefined;
}

/** A plain GET form above an admin list: it works before the page is interactive, and the pager keeps `q`. */
export function AdminListSearch({ action, value, label }: { action: string; value: string | undefined; label: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="form" method="get" action={action} role="search" aria-label={label}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput name="q" type="search" label={label} placeholder={s.placeholder} defaultValue={value ?? ''} maxLength={100} w={320} maw="100%" />
        <Button type="submit">{s.submit}</Button>
        {value && <AnchorLink href={action}>{s.clear}</AnchorLink>}
      </Group>
    </Paper>
  );
}
