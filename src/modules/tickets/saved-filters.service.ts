import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError } from '../../common/errors/mesa-error';
import { SavedFilter } from './entities/saved-filter.entity';

/** An agent's named queue filters. */
@Injectable()
export class SavedFiltersService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor) {
    const rows = await this.dataSource.getRepository(SavedFilter).find({ where: { userId: actor.userId }, order: { name: 'ASC' } });
    return { items: rows.map((f) => ({ id: f.id, name: f.name, query: f.query, createdAt: f.createdAt.toISOString() })) };
  }

  async save(actor: Actor, name: string, query: Record<string, unknown>) {
    // Same name replaces: saving "Críticos de mi equipo" again updates it.
    await this.dataSource.query(
      `INSERT INTO saved_filters (user_id, name, query) VALUES ($1, $2, $3) ON CONFLICT (user_id, name) DO UPDATE SET query = EXCLUDED.query`,
      [actor.userId, name, JSON.stringify(query)],
    );
    const f = await this.dataSource.getRepository(SavedFilter).findOneByOrFail({ userId: actor.userId, name });
    return { id: f.id, name: f.name, query: f.query, createdAt: f.createdAt.toISOString() };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const res = await this.dataSource.getRepository(SavedFilter).delete({ id, userId: actor.userId });
    if (!res.affected) throw new MesaError('SAVED_FILTER_NOT_FOUND', 'No existe el filtro.', { field: 'id' });
  }
}
