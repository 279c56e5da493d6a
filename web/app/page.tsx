import { redirect } from 'next/navigation';
import { getMe } from '@/lib/api-server';
import { homePathFor } from '@/lib/permissions';

export default async function HomePage() {
  const me = await getMe();
  redirect(me ? homePathFor(me) : '/login');
}
