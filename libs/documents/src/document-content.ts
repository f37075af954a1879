/**
 * What a file is, read from its bytes (never from its name or the type a browser claims), and the name it
 * is kept under. Only types a dossier needs are accepted: PDF, PNG, JPEG, and the office documents that
 * are ZIP archives (OpenDocument text and spreadsheet, Word and Excel): no executable, script or HTML can
 * be stored, then served back to another person's browser.
 */
export interface ContentType {
  mime: string;
  extension: string;
}

export const PDF: ContentType = { mime: 'application/pdf', extension: 'pdf' };
export const PNG: ContentType = { mime: 'image/png', extension: 'png' };
export const JPEG: ContentType = { mime: 'image/jpeg', extension: 'jpg' };
export const ODT: ContentType = { mime: 'application/vnd.oasis.opendocument.text', extension: 'odt' };
export const ODS: ContentType = { mime: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' };
export const DOCX: ContentType = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
export const XLSX: ContentType = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };

/** The accepted types, for messages. */
export const ACCEPTED_TYPES = 'PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX';

const startsWith = (data: Buffer, bytes: readonly number[], offset = 0): boolean =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
/** `%PDF-` */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** The file's type, or null when it is none of the accepted ones. */
export function detectContentType(data: Buffer): ContentType | null {
  if (startsWith(data, PDF_MAGIC)) return PDF;
  if (startsWith(data, PNG_MAGIC)) return PNG;
  if (startsWith(data, JPEG_MAGIC)) return JPEG;
  if (startsWith(data, ZIP_LOCAL_HEADER)) return officeType(data);
  return null;
}

/**
 * A ZIP is accepted only as an office document. OpenDocument puts an uncompressed `mimetype` entry first
 * (its name at byte 30, its content right after); Office Open XML has `[Content_Types].xml` and its main
 * part (`word/document.xml`, `xl/workbook.xml`) among its entries, whose names a ZIP stores in clear.
 */
function officeType(data: Buffer): ContentType | null {
  if (data.length < 30) return null;
  const nameLength = data.readUInt16LE(26);
  const extraLength = data.readUInt16LE(28);
  if (data.length >= 30 + nameLength && data.toString('latin1', 30, 30 + nameLength) === 'mimetype') {
    const start = 30 + nameLength + extraLength;
    const mimetype = data.toString('latin1', start, start + 60);
    if (mimetype.startsWith(ODT.mime) && !mimetype.startsWith(`${ODT.mime}-`)) return ODT;
    if (mimetype.startsWith(ODS.mime) && !mimetype.startsWith(`${ODS.mime}-`)) return ODS;
    return null;
  }
  const names = data.toString('latin1');
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return DOCX;
  if (names.includes('xl/workbook.xml')) return XLSX;
  return null;
}

const MAX_NAME_LENGTH = 120;

/**
 * The name a file is kept and served under: the last segment of what the client sent (no folder), without
 * control or reserved characters (`< > : " / \ | ? *`), spaces collapsed, in Unicode NFC, at most 120
 * characters, and ending with the extension of its real type (added when the name says otherwise).
 */
export function cleanFileName(raw: string, type: ContentType): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const fits = extension === type.extension || (type === JPEG && extension === 'jpeg');
  let base = fits ? name.slice(0, dot) : name;
  if (base === '') base = 'document';
  const suffix = `.${fits ? extension : type.extension}`;
  name =
    [...base]
      .slice(0, MAX_NAME_LENGTH - suffix.length)
      .join('')
      .trim() + suffix;
  return name;
}
