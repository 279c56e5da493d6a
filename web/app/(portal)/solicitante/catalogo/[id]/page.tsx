import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AnchorLink } from '@/components/anchor-link';
import { Forbidden } from '@/components/forbidden';
import { authorise } from '@/lib/authorise';
import { loadService } from '@/lib/catalog-server';
import { can } from '@/lib/permissions';
import { messages } from '@/messages/es-MX';
import { OrderForm } from './order-form';

const t = messages.catalog;

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const service = await loadService(id).catch(() => null);
  return { title: service ? t.orderTitle(service.name) : t.title };
}

export default async function OrderServicePage({ params }: Props) {
  const { me, allowed } = await authorise('catalog.read');
  if (!allowed || !can(me, 'tickets.request')) return <Forbidden />;
  const service = await loadService((await params).id);
  // The API's GET by id does not hide drafts or non-orderable services from requesters (only the list does).
  if (service.status !== 'active' || !service.portalOrderable) notFound();
  return (
    <Stack gap="lg" maw={760}>
      <AnchorLink href="/solicitante/catalogo">{t.back}</AnchorLink>
      <Stack gap={4}>
        <Title order={1}>{t.orderTitle(service.name)}</Title>
        {service.description && <Text c="dimmed">{service.description}</Text>}
      </Stack>
      {(service.leadTimeDays > 0 || service.approval !== 'none') && (
        <Alert variant="light" color="blue">
          <Stack gap={4}>
            {service.leadTimeDays > 0 && <Text size="sm">{t.leadTime(service.leadTimeDays)}</Text>}
            {service.approval !== 'none' && <Text size="sm">{t.approvalNote}</Text>}
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md">
        <OrderForm
          service={{ id: service.id, name: service.name, type: service.type, leadTimeDays: service.leadTimeDays, form: service.form }}
          deskTimeZone={me.deskTimeZone}
        />
      </Paper>
    </Stack>
  );
}
