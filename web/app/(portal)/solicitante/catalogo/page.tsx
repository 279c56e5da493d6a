import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '@/components/anchor-link';
import { ButtonLink } from '@/components/button-link';
import { EmptyMessage } from '@/components/empty-state';
import { Forbidden } from '@/components/forbidden';
import type { Page } from '@/lib/api-types';
import { authorise } from '@/lib/authorise';
import { byCategory, type ServiceDto } from '@/lib/catalog';
import { can } from '@/lib/permissions';
import { requiredGet } from '@/lib/tickets-server';
import { messages } from '@/messages/es-MX';

const t = messages.catalog;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim().slice(0, 100) : '');

export default async function RequesterCatalogPage({ searchParams }: Props) {
  const { me, allowed } = await authorise('catalog.read');
  if (!allowed || !can(me, 'tickets.request')) return <Forbidden />;
  const params = await searchParams;
  const q = one(params.q);
  const category = one(params.category);
  // The API gives requesters only active, portal-orderable services open to their organisation.
  const [all, found] = await Promise.all([
    requiredGet<Page<ServiceDto>>('catalog/services', { pageSize: 200 }),
    q || category ? requiredGet<Page<ServiceDto>>('catalog/services', { q: q || undefined, category: category || undefined, pageSize: 200 }) : null,
  ]);
  const categories = [...new Set(all.items.map((s) => s.category))];
  const services = (found ?? all).items;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed">{t.intro}</Text>
      </Stack>
      <form method="get" action="/solicitante/catalogo" role="search" aria-label={t.searchRegion}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput name="q" label={t.searchLabel} placeholder={t.searchPlaceholder} defaultValue={q} w={{ base: '100%', sm: 320 }} />
          <NativeSelect
            name="category"
            label={t.categoryLabel}
            defaultValue={category}
            data={[{ value: '', label: t.allCategories }, ...categories.map((c) => ({ value: c, label: c }))]}
            w={{ base: '100%', sm: 240 }}
          />
          <Button type="submit">{t.search}</Button>
          {(q || category) && <AnchorLink href="/solicitante/catalogo">{t.clearSearch}</AnchorLink>}
        </Group>
      </form>
      <Text size="sm" c="dimmed" role="status">
        {t.resultCount(services.length)}
      </Text>
      {services.length === 0 ? (
        <EmptyMessage title={t.emptyTitle} description={t.emptyDescription} />
      ) : (
        byCategory(services).map((group) => (
          <Stack gap="sm" key={group.category} component="section" aria-labelledby={`cat-${slug(group.category)}`}>
            <Title order={2} size="h3" id={`cat-${slug(group.category)}`}>
              {group.category}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {group.services.map((service) => (
                <Card key={service.id} withBorder radius="md" padding="lg" component="article" data-service-code={service.code}>
                  <Stack gap="xs" h="100%">
                    <Title order={3} size="h4">
                      {service.name}
                    </Title>
                    <Group gap="xs">
                      <Badge color="blue.1" radius="sm" tt="none">
                        {service.category}
                      </Badge>
                      {service.subcategory && (
                        <Badge color="gray.2" radius="sm" tt="none">
                          {service.subcategory}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c={service.description ? undefined : 'dimmed'} style={{ flexGrow: 1 }}>
                      {service.description || t.noDescription}
                    </Text>
                    <Group justify="flex-end">
                      <ButtonLink href={`/solicitante/catalogo/${service.id}`} aria-label={t.orderLabel(service.name)}>
                        {t.order}
                      </ButtonLink>
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </Stack>
        ))
      )}
    </Stack>
  );
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
}
