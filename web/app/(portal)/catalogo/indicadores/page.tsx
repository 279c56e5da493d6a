import { Group, Paper, Progress, SimpleGrid, Stack, TableTd, TableTr, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AnchorLink } from '@/components/anchor-link';
import { Forbidden } from '@/components/forbidden';
import { ListTable } from '@/components/list-table';
import { authorise } from '@/lib/authorise';
import { can } from '@/lib/permissions';
import type { DocumentedIndicator } from '@/lib/catalog';
import { formatPercent } from '@/lib/format';
import { requiredGet } from '@/lib/tickets-server';
import { messages } from '@/messages/es-MX';

const t = messages.catalogIndicator;

export const metadata: Metadata = { title: t.title };

function Figure({ label, value, testId, children }: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        <Text fz={32} fw={700} lh={1.1} data-testid={testId}>
          {value}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** "% de servicios documentados en el catálogo": the figure, its parts, and the sheets to complete. */
export default async function CatalogIndicatorPage() {
  // Coordinators and directors read the indicator too; only catalog managers get the links to fix sheets.
  const { me, allowed } = await authorise('catalog.indicators.read');
  if (!allowed) return <Forbidden />;
  const manages = can(me, 'catalog.manage');
  const indicator = await requiredGet<DocumentedIndicator>('indicators/documented-services');
  const { percentage, documented, provided, incomplete } = indicator;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Title order={1}>{t.title}</Title>
        {manages ? <AnchorLink href="/catalogo">{t.back}</AnchorLink> : <AnchorLink href="/">{messages.forbidden.back}</AnchorLink>}
      </Group>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="documented-title">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3" id="documented-title">
              {t.name}
            </Title>
            <Text size="sm" c="dimmed" maw={800}>
              {t.definition}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Figure label={t.percentage} value={percentage === null ? t.notAvailable : formatPercent(percentage)} testId="indicator-percentage">
              {percentage !== null && <Progress value={percentage} color="teal.9" size="md" aria-label={t.name} />}
            </Figure>
            <Figure label={t.documented} value={String(documented)} testId="indicator-documented" />
            <Figure label={t.provided} value={String(provided)} testId="indicator-provided" />
          </SimpleGrid>
          <Text>{provided === 0 ? t.noData : t.ratio(documented, provided)}</Text>
        </Stack>
      </Paper>
      {provided > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t.incompleteTitle}
          </Title>
          {incomplete.length === 0 ? (
            <Text>{t.allDocumented}</Text>
          ) : (
            <ListTable
              caption={t.incompleteCaption}
              minWidth={640}
              verticalSpacing="sm"
              headers={[t.code, t.service, t.missing]}
              data-testid="incomplete-services"
            >
              {incomplete.map((s) => (
                <TableTr key={s.id} data-service-code={s.code}>
                  <TableTd>
                    <Text ff="monospace" size="sm">
                      {s.code}
                    </Text>
                  </TableTd>
                  <TableTd>
                    {manages ? (
                      <AnchorLink href={`/catalogo/${s.id}`} fw={600} aria-label={t.editLabel(s.name)}>
                        {s.name}
                      </AnchorLink>
                    ) : (
                      s.name
                    )}
                  </TableTd>
                  <TableTd>{s.missing.map((m) => t.missingFields[m] ?? m).join(', ')}</TableTd>
                </TableTr>
              ))}
            </ListTable>
          )}
        </Stack>
      )}
    </Stack>
  );
}
