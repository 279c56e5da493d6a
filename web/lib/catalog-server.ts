import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { serverApiGet } from './api-server';
import { ApiError } from './api-types';
import type { ServiceDto } from './catalog';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A service the caller may see, or the segment's not-found page. Requesters get 404 for
 * services that are not active, not orderable or closed to their organisation.
 */
export async function loadService(id: string): Promise<ServiceDto> {
  if (!UUID.test(id)) notFound();
  try {
    return await serverApiGet<ServiceDto>(`catalog/services/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect('/login');
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  }
}
