import { z } from 'zod';
import { pageSchema } from '../../../common/http/pagination';
import { idField, instantField } from '../../../common/http/response-fields';

export const auditEntryResponse = z
  .strictObject({
    id: z.string(),
    at: instantField(),
    actorId: idField().nullable(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    field: z.string().nullable(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const auditPageResponse = pageSchema(auditEntryResponse, 'AuditPage');
