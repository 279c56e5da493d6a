/** Types a government desk exchanges: documents, spreadsheets, images, plain text and archives. */
export const ALLOWED_ATTACHMENT_TYPES: Record<string, readonly string[]> = {
  pdf: ['application/pdf'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  gif: ['image/gif'],
  txt: ['text/plain'],
  csv: ['text/csv', 'text/plain', 'application/vnd.ms-excel'],
  log: ['text/plain'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  odt: ['application/vnd.oasis.opendocument.text'],
  ods: ['application/vnd.oasis.opendocument.spreadsheet'],
  zip: ['application/zip', 'application/x-zip-compressed'],
  xml: ['application/xml', 'text/xml'],
};

export type AttachmentCheck = { ok: true; extension: string } | { ok: false; reason: string };

/** The extension must be on the list and the declared type must match it (no .exe renamed .pdf with type application/x-msdownload). */
export function checkAttachment(fileName: string, contentType: string): AttachmentCheck {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!extension || !ALLOWED_ATTACHMENT_TYPES[extension]) {
    return { ok: false, reason: `tipo de archivo no permitido; se aceptan: ${Object.keys(ALLOWED_ATTACHMENT_TYPES).join(', ')}` };
  }
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type !== 'application/octet-stream' && !ALLOWED_ATTACHMENT_TYPES[extension].includes(type)) {
    return { ok: false, reason: `el tipo declarado (${type}) no corresponde a un archivo .${extension}` };
  }
  return { ok: true, extension };
}

// Control characters (C0, C1), format characters (bidi overrides such as U+202E that show
// "cod.exe" as "exe.doc", isolates, zero-width joiners, BOM), line/paragraph separators and lone
// surrogates: none belongs in a file name, and each can disguise one.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFileName(name: string): string {
  const base = name.replace(INVISIBLE, '').split(/[\\/]/).pop() ?? 'archivo';
  const cleaned = [...base]
    .map((ch) => ('"<>|:*?'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'archivo';
}
