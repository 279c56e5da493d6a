import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { ServiceEditor } from '@/components/catalog/service-editor';
import { authorise } from '@/lib/authorise';
import { loadService, loadSheetChoices } from '@/lib/catalog-server';
import { messages } from '@/messages/es-MX';

export const metadata: Metadata = { title: messages.catalogAdmin.title };

type Props = { params: Promise<{ id: string }> };

export default async function EditServicePage({ params }: Props) {
  const { me, allowed } = await authorise('catalog.manage');
  if (!allowed) return <Forbidden />;
  const [service, choices] = await Promise.all([loadService((await params).id), loadSheetChoices()]);
  // Remounts the editor when a save brings a new version.
  return <ServiceEditor key={`${service.id}-${service.version}`} service={service} choices={choices} deskTimeZone={me.deskTimeZone} />;
}
