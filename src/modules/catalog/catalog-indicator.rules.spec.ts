import { documentedPercentage, missingFromSheet, type SheetFacts } from './catalog-indicator.rules';

const target = { responseMinutes: 10, resolutionMinutes: 960 };
const complete: SheetFacts = {
  description: 'Altas y bajas de extensiones',
  ownerOrganisationId: 'o',
  teamL1Id: 't',
  slaTargets: { critical: target, high: target, medium: target, low: target },
  status: 'active',
};

describe('catalog documentation indicator', () => {
  it('names what a sheet lacks', () => {
    expect(missingFromSheet(complete)).toEqual([]);
    expect(missingFromSheet({ ...complete, description: ' ', teamL1Id: null, slaTargets: { critical: target } })).toEqual([
      'description',
      'teamL1Id',
      'slaTargets',
    ]);
  });

  it('divides complete sheets by services provided, to one decimal', () => {
    expect(documentedPercentage([complete, complete, { ...complete, ownerOrganisationId: null }])).toEqual({ provided: 3, documented: 2, percentage: 66.7 });
  });

  it('has no percentage when no service has tickets', () => {
    expect(documentedPercentage([])).toEqual({ provided: 0, documented: 0, percentage: null });
  });
});
