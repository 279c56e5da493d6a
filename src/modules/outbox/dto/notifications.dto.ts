import { z } from 'zod';
import { idField, instantField } from '../../../common/http/response-fields';

export const notificationResponse = z
  .strictObject({
    id: idField(),
    kind: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable(),
    readAt: instantField().nullable(),
    createdAt: instantField(),
  })
  .meta({ id: 'Notification' });
export const notificationsResponse = z.strictObject({ items: z.array(notificationResponse), unread: z.number().int() }).meta({ id: 'Notifications' });
