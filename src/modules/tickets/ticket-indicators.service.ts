import { Injectable } from '@nestjs/common';
import { documentedPercentage, missingFromSheet } from '../catalog/catalog-indicator.rules';
import { CatalogService } from '../catalog/catalog.service';
import { TicketsRepository } from './tickets.repository';

export type DocumentedServicesIndicator = ReturnType<typeof documentedPercentage> & {
  incomplete: { id: string; code: string; name: string; missing: ReturnType<typeof missingFromSheet> }[];
};

/**
 * Indicators that are figures about tickets per catalog service. They live here, not in the
 * catalog: the catalog sits below tickets and never reads them (ARCHITECTURE.md, Module boundaries).
 */
@Injectable()
export class TicketIndicatorsService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly tickets: TicketsRepository,
  ) {}

  /** "% de servicios proporcionados documentados": services with tickets whose sheet is complete. */
  async documentedServices(): Promise<DocumentedServicesIndicator> {
    const sheets = await this.catalog.sheets();
    const withTickets = await this.tickets.servicesWithTickets(sheets.map((s) => s.id));
    const provided = sheets.filter((s) => withTickets.has(s.id));
    return {
      ...documentedPercentage(provided),
      incomplete: provided.filter((s) => missingFromSheet(s).length).map((s) => ({ id: s.id, code: s.code, name: s.name, missing: missingFromSheet(s) })),
    };
  }
}
