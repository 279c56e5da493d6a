import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AuditService } from '../audit/audit.service';
import { PriorityMatrixEntry } from './entities/priority-matrix-entry.entity';
import { MesaError } from '../../common/errors/mesa-error';
import { LEVELS, matrixFrom, monotonicityViolations, type Level, type Priority, type PriorityMatrix } from './priority.rules';

@Injectable()
export class PriorityMatrixService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(m: EntityManager = this.dataSource.manager): Promise<PriorityMatrix> {
    return matrixFrom(await m.getRepository(PriorityMatrixEntry).find());
  }

  async set(actor: Actor, cells: { impact: Level; urgency: Level; priority: Priority }[]): Promise<PriorityMatrix> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.get(m);
      const proposed = structuredClone(before);
      for (const c of cells) proposed[c.impact][c.urgency] = c.priority;
      const [violation] = monotonicityViolations(proposed);
      if (violation) {
        const index = cells.findIndex((c) => c.impact === violation.impact && c.urgency === violation.urgency);
        throw new MesaError('PRIORITY_MATRIX_NOT_MONOTONIC', violation.message, { field: index >= 0 ? `cells.${index}.priority` : 'cells' });
      }
      for (const c of cells) await m.upsert(PriorityMatrixEntry, { impact: c.impact, urgency: c.urgency, priority: c.priority }, ['impact', 'urgency']);
      const after = await this.get(m);
      const changes = LEVELS.flatMap((i) =>
        LEVELS.filter((u) => before[i][u] !== after[i][u]).map((u) => ({ field: `${i}.${u}`, oldValue: before[i][u], newValue: after[i][u] })),
      );
      if (changes.length) await this.audit.record(m, actor, { entity: 'priority_matrix', entityId: 'default', action: 'update', changes });
      return after;
    });
  }
}
