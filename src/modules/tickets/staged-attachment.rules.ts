/**
 * A request form's `file` field is answered with the id of a staged attachment: a file uploaded
 * before its ticket exists (POST /attachments/staged). Creating the ticket binds it, and only a
 * file the creator uploaded themselves (the agent, when registering on someone's behalf) that no
 * ticket has yet. Pure: the service reads and locks the rows, these rules decide.
 */
export type FileAnswer = { key: string; label: string; attachmentId: string };
export type StagedRow = { id: string; ticketId: string | null; uploadedById: string | null };
export type StagedErrors = { field: string; message: string }[];

/** The answers of the form's `file` fields (already validated as ids), in the form's order. */
export function fileAnswers(
  fields: readonly { key: string; type: string; label: string }[],
  formData: Record<string, unknown> | null | undefined,
): FileAnswer[] {
  const out: FileAnswer[] = [];
  for (const f of fields) {
    const value = formData?.[f.key];
    if (f.type === 'file' && typeof value === 'string') out.push({ key: f.key, label: f.label, attachmentId: value.toLowerCase() });
  }
  return out;
}

/**
 * Each answer must name a staged file of `actorId` that is not bound to a ticket, and no file may
 * answer two fields. Someone else's file, an attachment of another ticket and an unknown id read
 * alike, so the message reveals nothing about files that are not the actor's.
 */
export function checkStagedFiles(answers: readonly FileAnswer[], rows: readonly StagedRow[], actorId: string): StagedErrors {
  const byId = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
  const used = new Map<string, FileAnswer>();
  const errors: StagedErrors = [];
  for (const a of answers) {
    const first = used.get(a.attachmentId);
    if (first) {
      errors.push({ field: `formData.${a.key}`, message: `${a.label}: es el mismo archivo que adjuntaste en ${first.label}; adjunta otro` });
      continue;
    }
    used.set(a.attachmentId, a);
    const row = byId.get(a.attachmentId);
    if (!row || row.ticketId !== null || row.uploadedById !== actorId) {
      errors.push({ field: `formData.${a.key}`, message: `${a.label}: el archivo adjunto ya no está disponible; vuelve a adjuntarlo` });
    }
  }
  return errors;
}
