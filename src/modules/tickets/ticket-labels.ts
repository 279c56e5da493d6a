import type { Channel } from './entities/ticket.entity';

/** Spanish names of ticket codes for text the server writes for people (history reasons, mail). */
export const CHANNEL_LABELS: Record<Channel, string> = {
  portal: 'portal',
  email: 'correo',
  phone: 'teléfono',
  letter: 'oficio',
  e_signature: 'documento con firma electrónica',
  walk_in: 'ventanilla',
  field: 'campo',
};
