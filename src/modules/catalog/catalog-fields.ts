/**
 * The fields of a service sheet: what the API returns, what the audit compares and what each
 * published version freezes, in the editor's order. Plain data with no framework import, so the portal shares it.
 */
export const SHEET_FIELDS = [
  'code',
  'name',
  'description',
  'category',
  'subcategory',
  'type',
  'status',
  'portalOrderable',
  'ownerOrganisationId',
  'teamL1Id',
  'teamL2Id',
  'teamL3Id',
  'teamFieldId',
  'leadTimeDays',
  'approval',
  'calendarCode',
  'slaTargets',
  'restricted',
  'allowedOrganisationIds',
  'form',
] as const;

export type SheetField = (typeof SHEET_FIELDS)[number];
