import { z } from 'zod';
import { idField, instantField } from '../../../common/http/response-fields';
import { PLACEHOLDERS, TEXT_MODULE_SCOPES } from '../text-module.rules';

// Lengths, placeholders and scope/team coherence are text-module.rules.ts' (Spanish messages
// naming the field); the schema only bounds what a request may carry.
const keywords = z.array(z.string().max(200)).max(50);

export const createTextModuleBody = z.strictObject({
  name: z.string().max(500),
  keywords: keywords.default([]),
  body: z.string().max(20_000),
  scope: z.enum(TEXT_MODULE_SCOPES),
  teamId: z.uuid().nullable().optional(),
  isActive: z.boolean().optional(),
});
export const updateTextModuleBody = z.strictObject({
  name: z.string().max(500).optional(),
  keywords: keywords.optional(),
  body: z.string().max(20_000).optional(),
  isActive: z.boolean().optional(),
  version: z.number().int().min(1),
});
export const textModuleListQuery = z.strictObject({
  /** use: the active modules the caller may insert (the composer); manage: the ones the caller may edit. */
  view: z.enum(['use', 'manage']).default('use'),
  q: z.string().trim().max(100).optional(),
});
export const renderTextModuleBody = z.strictObject({ ticketId: z.uuid() });

export type CreateTextModuleBody = z.output<typeof createTextModuleBody>;
export type UpdateTextModuleBody = z.output<typeof updateTextModuleBody>;
export type TextModuleListQuery = z.output<typeof textModuleListQuery>;

export const textModuleResponse = z
  .strictObject({
    id: idField(),
    name: z.string(),
    keywords: z.array(z.string()),
    body: z.string(),
    scope: z.enum(TEXT_MODULE_SCOPES),
    teamId: idField().nullable(),
    teamName: z.string().nullable(),
    isActive: z.boolean(),
    /** Whether the caller may edit it (admins: all; a team's coordinator: that team's). */
    canManage: z.boolean(),
    createdAt: instantField(),
    updatedAt: instantField(),
    version: z.number().int(),
  })
  .meta({ id: 'TextModule' });
export const textModulesResponse = z
  .strictObject({
    items: z.array(textModuleResponse),
    /** The placeholders a body may use. */
    placeholders: z.array(z.enum(PLACEHOLDERS)),
    /** The teams the caller may create team modules for. */
    manageableTeams: z.array(z.strictObject({ id: idField(), name: z.string() })),
    canManageGlobal: z.boolean(),
  })
  .meta({ id: 'TextModules' });
export const renderedTextModuleResponse = z.strictObject({ body: z.string() }).meta({ id: 'RenderedTextModule' });
