import { z } from 'zod';

// Shapes shared by the response schemas (dto/*.dto.ts). Responses are described as sent on the wire.

/** A row id: any UUID-shaped string (fixtures use ids of no RFC version). */
export const idField = () => z.guid();
/** An instant as the API writes it (Date#toISOString). */
export const instantField = () => z.iso.datetime();
/** `{ items: [...] }`, published as `id`. */
export const itemsSchema = <T extends z.ZodType>(item: T, id: string) => z.strictObject({ items: z.array(item) }).meta({ id });
