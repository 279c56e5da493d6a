import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { ApiToken } from '../modules/identity/entities/api-token.entity';
import { Session } from '../modules/identity/entities/session.entity';
import { Team, TeamMember } from '../modules/identity/entities/team.entity';
import { User } from '../modules/identity/entities/user.entity';
import { Location } from '../modules/organisations/entities/location.entity';
import { Organisation } from '../modules/organisations/entities/organisation.entity';
import { WorkerHeartbeat } from '../modules/system/worker-heartbeat.entity';

/** Every entity of the app; the data source and the schema-drift test both use this list. */
export const ENTITIES = [Organisation, Location, User, Session, ApiToken, Team, TeamMember, AuditEntry, WorkerHeartbeat];
