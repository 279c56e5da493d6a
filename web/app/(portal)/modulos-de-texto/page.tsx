import type { Metadata } from 'next';
import { Forbidden } from '@/components/forbidden';
import { TextModulesManager } from '@/components/text-modules/text-modules-manager';
import { authorise } from '@/lib/authorise';
import { messages } from '@/messages/es-MX';

export const metadata: Metadata = { title: messages.textModules.title };

/** Text modules: admins manage the global ones, team coordinators their team's; agents see the ones they may use. */
export default async function TextModulesPage() {
  const { allowed } = await authorise('textModules.use');
  if (!allowed) return <Forbidden />;
  return <TextModulesManager />;
}
