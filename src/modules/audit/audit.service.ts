import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../../common/auth/actor';
import { pageOf, type Page } from '../../common/http/pagination';
import { AuditEntry } from './audit-entry.entity';
import type { FieldChange } from './audit.rules';

export type AuditRecord =
  | { entity: string; entityId: string; action: 'create' | 'delete'; snapshot: Record<string, unknown> }
  | { entity: string; entityId: string; action: 'update'; changes: FieldChange[] };

export type AuditQuery = {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditRecord['action'];
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export type AuditEntryDto = {
  id: string;
  at: string;
  actorId: string | null;
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  requestId: string | null;
};

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes audit rows inside the caller's transaction, so a change never lands without them. */
  async record(manager: EntityManager, actor: Pick<Actor, 'userId' | 'requestId'> | null, rec: AuditRecord): Promise<void> {
    const base = { actorId: actor?.userId ?? null, requestId: actor?.requestId ?? null, entity: rec.entity, entityId: rec.entityId, action: rec.action };
    const rows =
      rec.action === 'update'
        ? rec.changes.map((c) => ({ ...base, field: c.field, oldValue: c.oldValue, newValue: c.newValue }))
        : [{ ...base, field: null, oldValue: rec.action === 'delete' ? rec.snapshot : null, newValue: rec.action === 'create' ? rec.snapshot : null }];
    if (rows.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEntry)
      .values(rows as QueryDeepPartialEntity<AuditEntry>[])
      .execute();
  }

  async list(q: AuditQuery): Promise<Page<AuditEntryDto>> {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
    if (q.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: q.entityId });
    if (q.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: q.actorId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: q.to });
    qb.orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(toDto), total, q);
  }
}

function toDto(a: AuditEntry): AuditEntryDto {
  return {
    id: String(a.id),
    at: a.at.toISOString(),
    actorId: a.actorId,
    entity: a.entity,
    entityId: a.entityId,
    action: a.action,
    field: a.field,
    oldValue: a.oldValue,
    newValue: a.newValue,
    requestId: a.requestId,
  };
}
