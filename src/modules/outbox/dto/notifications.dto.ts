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

export const notificationPreferencesResponse = z
  .strictObject({
    items: z.array(
      z.strictObject({
        kind: z.string(),
        label: z.string(),
        description: z.string(),
        channel: z.enum(['both', 'in_app', 'email', 'none']),
        mutable: z.boolean(),
      }),
    ),
    channels: z.array(z.strictObject({ value: z.string(), label: z.string() })),
  })
  .meta({ id: 'NotificationPreferences' });

/** Kind and channel are checked by notification-preferences.rules (Spanish messages naming the field), not here. */
export const notificationPreferenceBody = z.strictObject({ kind: z.string().max(100), channel: z.string().max(20) });
