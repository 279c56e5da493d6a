import { z } from 'zod';

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export function pageOf<T>(items: T[], total: number, q: { page: number; pageSize: number }): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The response schema of a page of `item` (with any extra fields), published as `id`. */
export const pageSchema = <T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(item: T, id: string, extra?: E) =>
  z.strictObject({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), ...(extra as E) }).meta({ id });
