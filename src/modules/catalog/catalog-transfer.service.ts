import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { MesaError, type FieldError } from '../../common/errors/mesa-error';
import { readCsvRecords, writeCsv } from '../../common/http/csv';
import { zodFieldErrors } from '../../common/http/zod';
import { UserDirectory } from '../identity/user-directory.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { CatalogService } from './catalog.service';
import { CSV_COLUMNS, fromCsvRow, type PortableService, toCsvRow } from './catalog-transfer.rules';
import { createServiceBody, type CreateServiceBody } from './dto/catalog.dto';
import { CatalogServiceRecord as Service } from './entities/catalog-service.entity';
import { checkFormDefinition, type FormField } from './request-form.rules';

type Lookups = { orgIdByCode: Map<string, string>; orgCodeById: Map<string, string>; teamIdByName: Map<string, string>; teamNameById: Map<string, string> };

/** Catalog export and all-or-nothing import (JSON or CSV), reporting every bad row at once. */
@Injectable()
export class CatalogTransferService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly organisations: OrganisationsService,
    private readonly users: UserDirectory,
  ) {}

  async export(format: 'json' | 'csv'): Promise<{ contentType: string; body: string }> {
    const [services, l] = [await this.dataSource.getRepository(Service).find({ order: { code: 'ASC' } }), await this.lookups()];
    const portable = services.map((s): PortableService => ({
      code: s.code,
      name: s.name,
      description: s.description,
      category: s.category,
      subcategory: s.subcategory,
      type: s.type,
      status: s.status,
      portalOrderable: s.portalOrderable,
      leadTimeDays: s.leadTimeDays,
      approval: s.approval,
      calendarCode: s.calendarCode,
      ownerOrganisation: s.ownerOrganisationId ? (l.orgCodeById.get(s.ownerOrganisationId) ?? null) : null,
      teamL1: s.teamL1Id ? (l.teamNameById.get(s.teamL1Id) ?? null) : null,
      teamL2: s.teamL2Id ? (l.teamNameById.get(s.teamL2Id) ?? null) : null,
      teamL3: s.teamL3Id ? (l.teamNameById.get(s.teamL3Id) ?? null) : null,
      teamField: s.teamFieldId ? (l.teamNameById.get(s.teamFieldId) ?? null) : null,
      restricted: s.restricted,
      allowedOrganisations: s.allowedOrganisationIds.map((id) => l.orgCodeById.get(id)).filter((c): c is string => Boolean(c)),
      slaTargets: s.slaTargets as Record<string, unknown>,
      form: s.form,
    }));
    if (format === 'json') return { contentType: 'application/json', body: JSON.stringify({ services: portable }, null, 2) };
    return { contentType: 'text/csv; charset=utf-8', body: writeCsv([[...CSV_COLUMNS], ...portable.map(toCsvRow)]) };
  }

  async import(
    actor: Actor,
    input: { format: 'json'; services: unknown[] } | { format: 'csv'; content: string },
  ): Promise<{ created: number; updated: number }> {
    const rows = input.format === 'json' ? input.services.map((s) => ({ ok: true as const, value: s as PortableService })) : this.parseCsv(input.content);
    const l = await this.lookups();
    const existing = new Map((await this.dataSource.getRepository(Service).find()).map((s) => [s.code, s]));
    const errors: FieldError[] = [];
    const bodies: CreateServiceBody[] = [];
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const at = (field: string, message: string) => errors.push({ field: `rows.${i}.${field}`, message });
      if (!row.ok) return row.errors.forEach((e) => at(e.field, e.message));
      const p = row.value;
      const ref = (map: Map<string, string>, key: string | null | undefined, field: string) => {
        if (!key) return null;
        const id = map.get(key);
        if (!id) at(field, `no existe: ${key}`);
        return id ?? null;
      };
      const candidate = {
        code: p.code,
        name: p.name,
        description: p.description ?? null,
        category: p.category,
        subcategory: p.subcategory ?? null,
        type: p.type,
        status: p.status === 'retired' ? undefined : p.status,
        portalOrderable: p.portalOrderable,
        leadTimeDays: p.leadTimeDays,
        approval: p.approval,
        calendarCode: p.calendarCode,
        ownerOrganisationId: ref(l.orgIdByCode, p.ownerOrganisation, 'ownerOrganisation'),
        teamL1Id: ref(l.teamIdByName, p.teamL1, 'teamL1'),
        teamL2Id: ref(l.teamIdByName, p.teamL2, 'teamL2'),
        teamL3Id: ref(l.teamIdByName, p.teamL3, 'teamL3'),
        teamFieldId: ref(l.teamIdByName, p.teamField, 'teamField'),
        restricted: p.restricted,
        // Not a list (hand-written JSON): left for the schema to name, rather than a TypeError.
        allowedOrganisationIds: Array.isArray(p.allowedOrganisations ?? [])
          ? (p.allowedOrganisations ?? []).map((c) => ref(l.orgIdByCode, String(c), 'allowedOrganisations')).filter((x): x is string => Boolean(x))
          : p.allowedOrganisations,
        slaTargets: p.slaTargets,
        form: p.form,
      };
      const parsed = createServiceBody.safeParse(candidate);
      if (!parsed.success) return zodFieldErrors(parsed.error).forEach((e) => at(e.field, e.message));
      for (const e of checkFormDefinition((parsed.data.form ?? []) as FormField[])) at(e.field.replace(/^fields/, 'form'), e.message);
      if (seen.has(p.code)) at('code', `clave repetida en el archivo: ${p.code}`);
      seen.add(p.code);
      if (existing.get(p.code)?.status === 'retired') at('code', 'el servicio está dado de baja; publíquelo antes de modificarlo');
      bodies.push(parsed.data);
    });
    if (errors.length) {
      throw new MesaError(
        'VALIDATION_FAILED',
        `El archivo tiene ${new Set(errors.map((e) => e.field.split('.')[1])).size} fila(s) con errores; no se aplicó ningún cambio.`,
        { errors },
      );
    }
    let created = 0;
    let updated = 0;
    await this.dataSource.transaction(async (m) => {
      for (const [i, body] of bodies.entries()) {
        const current = existing.get(body.code);
        try {
          if (!current) {
            await this.catalog.createIn(m, actor, body);
            created++;
          } else {
            const { status: _s, code: _c, ...changes } = body;
            await this.catalog.updateIn(m, actor, current.id, changes);
            if (body.status === 'active' && current.status === 'draft') await this.catalog.publishIn(m, actor, current.id);
            updated++;
          }
        } catch (error) {
          // What only the database knows (a calendar code with no calendar: the sla module owns
          // calendars and the catalog may not read them) is named on its row, like the checks above.
          if (error instanceof MesaError && error.code === 'VALIDATION_FAILED' && error.errors.length) {
            throw new MesaError('VALIDATION_FAILED', `La fila ${i + 1} tiene errores; no se aplicó ningún cambio.`, {
              errors: error.errors.map((e) => ({ field: `rows.${i}.${e.field}`, message: e.message })),
            });
          }
          throw error;
        }
      }
    });
    return { created, updated };
  }

  private parseCsv(content: string) {
    let records: Record<string, string>[];
    try {
      records = readCsvRecords(content);
    } catch (error) {
      throw new MesaError('VALIDATION_FAILED', 'El CSV no se pudo leer.', {
        field: 'content',
        extra: { reason: error instanceof Error ? error.message : String(error) },
      });
    }
    return records.map(fromCsvRow);
  }

  private async lookups(): Promise<Lookups> {
    const orgs = await this.organisations.codes();
    const teams = await this.users.teamNames();
    return {
      orgIdByCode: new Map(orgs.map((o) => [o.code, o.id])),
      orgCodeById: new Map(orgs.map((o) => [o.id, o.code])),
      teamIdByName: new Map(teams.map((t) => [t.name, t.id])),
      teamNameById: new Map(teams.map((t) => [t.id, t.name])),
    };
  }
}
