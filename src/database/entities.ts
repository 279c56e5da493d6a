import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { ApiToken } from '../modules/identity/entities/api-token.entity';
import { Session } from '../modules/identity/entities/session.entity';
import { Team, TeamMember } from '../modules/identity/entities/team.entity';
import { User } from '../modules/identity/entities/user.entity';
import { Location } from '../modules/organisations/entities/location.entity';
import { Organisation } from '../modules/organisations/entities/organisation.entity';
import { WorkerHeartbeat } from '../modules/system/worker-heartbeat.entity';
import { CatalogServiceRecord } from '../modules/catalog/entities/catalog-service.entity';
import { CatalogServiceVersion } from '../modules/catalog/entities/catalog-service-version.entity';
import { Notification } from '../modules/outbox/notification.entity';
import { NotificationPreference } from '../modules/outbox/notification-preference.entity';
import { MailMessage } from '../modules/mail/mail-message.entity';
import { OutboxEvent } from '../modules/outbox/outbox-event.entity';
import { Article } from '../modules/tickets/entities/article.entity';
import { Attachment } from '../modules/tickets/entities/attachment.entity';
import { PriorityMatrixEntry } from '../modules/tickets/entities/priority-matrix-entry.entity';
import { SavedFilter } from '../modules/tickets/entities/saved-filter.entity';
import { TicketHistory } from '../modules/tickets/entities/ticket-history.entity';
import { TicketLink } from '../modules/tickets/entities/ticket-link.entity';
import { Ticket } from '../modules/tickets/entities/ticket.entity';
import { BusinessCalendarClosure, BusinessCalendarRecord } from '../modules/sla/entities/business-calendar.entity';
import { TextModule } from '../modules/text-modules/entities/text-module.entity';

/** Every entity of the app; the data source and the schema-drift test both use this list. */
export const ENTITIES = [
  Organisation,
  Location,
  User,
  Session,
  ApiToken,
  Team,
  TeamMember,
  AuditEntry,
  WorkerHeartbeat,
  CatalogServiceRecord,
  CatalogServiceVersion,
  Ticket,
  TicketHistory,
  Article,
  Attachment,
  TicketLink,
  PriorityMatrixEntry,
  SavedFilter,
  OutboxEvent,
  Notification,
  NotificationPreference,
  MailMessage,
  TextModule,
  BusinessCalendarRecord,
  BusinessCalendarClosure,
];
