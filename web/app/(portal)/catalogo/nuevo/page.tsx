import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { ServiceEditor } from '@/components/catalog/service-editor';
import { authorise } from '@/lib/authorise';
import { loadSheetChoices } from '@/lib/catalog-server';
import { messages } from '@/messages/es-MX';

export const metadata: Metadata = { title: messages.catalogAdmin.newTitle };

export default async function NewServicePage() {
  const { me, allowed } = await authorise('catalog.manage');
  if (!allowed) return <Forbidden />;
  return <ServiceEditor choices={await loadSheetChoices()} deskTimeZone={me.deskTimeZone} />;
}
