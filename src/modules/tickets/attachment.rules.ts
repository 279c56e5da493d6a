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

/**
 * What sniffing the bytes (file-type) may find for each extension. Text formats have no magic
 * number: nothing found is expected, and only a text-like finding (XML) is tolerated; a binary
 * signature under a text name (an .exe called notas.txt) is refused. Office files are ZIPs that
 * file-type tells apart by their entries.
 */
const SNIFFED_AS: Record<string, readonly string[] | 'text'> = {
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpg'],
  jpeg: ['jpg'],
  gif: ['gif'],
  txt: 'text',
  csv: 'text',
  log: 'text',
  xml: 'text',
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  zip: ['zip'],
};
const TEXT_FINDINGS = ['xml'];

/**
 * The file's bytes must be what its extension says. `sniffed` is file-type's finding (undefined
 * when it recognises no signature). Run after checkAttachment, on an allowed extension.
 */
export function checkSniffedType(extension: string, sniffed: { ext: string } | undefined): AttachmentCheck {
  const expected = SNIFFED_AS[extension];
  if (expected === undefined) return { ok: false, reason: `tipo de archivo no permitido: .${extension}` };
  if (expected === 'text') {
    if (!sniffed || TEXT_FINDINGS.includes(sniffed.ext)) return { ok: true, extension };
    return { ok: false, reason: `el contenido no es texto sino un archivo .${sniffed.ext}, no un .${extension}` };
  }
  if (sniffed && expected.includes(sniffed.ext)) return { ok: true, extension };
  return {
    ok: false,
    reason: sniffed ? `el contenido es un archivo .${sniffed.ext}, no un .${extension}` : `el contenido no corresponde a un archivo .${extension}`,
  };
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

/**
 * The type an attachment is previewed with in the portal (issue 11, item 10), from its extension:
 * the bytes were sniffed to match it at upload, while the declared type may be a generic one.
 * Only images the browser draws as pictures and PDF: never HTML, SVG, XML or text, which the
 * browser would render as a page of the portal's origin.
 */
const PREVIEW_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  pdf: 'application/pdf',
};

export function previewTypeOf(fileName: string): string | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (extension && PREVIEW_TYPES[extension]) || null;
}
