import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { HttpError, invalid } from './errors.ts';
import { imageLimits, normaliseImage } from './images.ts';

/**
 * Uploaded files identified by their content, never by their name or declared type. Images are
 * whatever sharp can read among the formats below; documents are PDF and the ZIP-based office
 * formats, recognised by their structure. A file that is two things at once (an image carrying a
 * PDF, a ZIP or a web page; a PDF dressed as a web page) is refused: served back, the second
 * reading could run in a browser or open in another program.
 */

const MB = 1024 * 1024;
export const fileLimits = { documentBytes: 25 * MB, imageBytes: 20 * MB } as const;

export const documentTypes = {
  pdf: { mime: 'application/pdf', label: 'PDF' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel' },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint',
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument text' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument spreadsheet' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', label: 'OpenDocument presentation' },
} as const;
export type DocumentType = keyof typeof documentTypes;

const imageFormats = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);
const acceptedImages = 'images (JPEG, PNG, WebP, GIF, AVIF, HEIF, TIFF)';
const acceptedDocuments =
  'documents (PDF, Word .docx, Excel .xlsx, PowerPoint .pptx, OpenDocument .odt, .ods, .odp)';
export const acceptedFiles = `${acceptedImages} and ${acceptedDocuments}`;

export type InspectedFile =
  | { kind: 'image'; format: string }
  | { kind: 'document'; type: DocumentType; mime: string };

/** A refused upload: 400 (or 413 for a size), with the message under the form field's name. */
export const refuseFile = (message: string, field = 'file', status: 400 | 413 = 400) =>
  new HttpError(status, status === 413 ? 'payload_too_large' : 'invalid_file', message, {
    fields: { [field]: message },
  });

const ascii = (text: string) => Buffer.from(text, 'latin1');
const pdfMagic = ascii('%PDF-');
const pdfEnd = ascii('%%EOF');
const zipLocalHeader = ascii('PK\x03\x04');
const zipCentralHeader = ascii('PK\x01\x02');
const zipEnd = ascii('PK\x05\x06');
/** The openings a browser or an interpreter would act on. */
const markupMarker = /<(?:script|html|head|body|iframe|object|embed|svg|!doctype|\?php)[\s>/]/i;

const hasMarkup = (data: Buffer) => markupMarker.test(data.toString('latin1'));
/** A ZIP reader needs its end record within the last 64 KiB and local files before it. */
const hasZip = (data: Buffer) =>
  data.includes(zipLocalHeader) && data.includes(zipEnd, Math.max(0, data.length - 22 - 0xffff));

/** What else an image file carries that another program would read, or null. */
function hiddenContentOf(data: Buffer): string | null {
  if (data.includes(pdfMagic)) return 'a PDF document';
  if (hasZip(data)) return 'a ZIP archive';
  if (hasMarkup(data)) return 'web page or script code';
  return null;
}

/**
 * The accepted image format sharp reads in the file, or null when it is no image at all. SVG (it
 * can carry scripts) and HEVC-coded HEIF (iPhone photos, which sharp cannot decode) are refused
 * with a message saying what to send instead.
 */
async function imageFormatOf(data: Buffer, field: string): Promise<string | null> {
  let metadata: { format?: string; compression?: string };
  try {
    metadata = await sharp(data, { limitInputPixels: imageLimits.maxPixels }).metadata();
  } catch {
    return null;
  }
  if (metadata.format === 'svg')
    throw refuseFile('SVG images are not accepted (they can carry scripts): use PNG or JPEG', field);
  if (metadata.format === 'heif' && metadata.compression === 'hevc') {
    throw refuseFile(
      'HEIC photos cannot be read here: send a JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible)',
      field,
    );
  }
  return metadata.format && imageFormats.has(metadata.format) ? metadata.format : null;
}

/** Checks that the file is an image of an accepted format and nothing else; returns its format. */
export async function inspectImage(data: Buffer, field = 'file'): Promise<string> {
  if (data.length === 0) throw refuseFile('The file is empty', field);
  const format = await imageFormatOf(data, field);
  if (!format) throw refuseFile(`This file is not an image: send ${acceptedImages}`, field);
  assertNothingHidden(data, field);
  return format;
}

function assertNothingHidden(data: Buffer, field: string) {
  const hidden = hiddenContentOf(data);
  if (hidden)
    throw refuseFile(
      `This image also contains ${hidden}: such a file is refused. Export the picture again (e.g. as JPEG) and retry`,
      field,
    );
}

/** Identifies an attachment: an image or an accepted document; anything else is refused with the list. */
export async function inspectFile(data: Buffer, field = 'file'): Promise<InspectedFile> {
  if (data.length === 0) throw refuseFile('The file is empty', field);
  if (data.subarray(0, pdfMagic.length).equals(pdfMagic)) {
    checkPdf(data, field);
    return { kind: 'document', type: 'pdf', mime: documentTypes.pdf.mime };
  }
  if (data.subarray(0, zipLocalHeader.length).equals(zipLocalHeader)) {
    const type = officeTypeOf(data, field);
    return { kind: 'document', type, mime: documentTypes[type].mime };
  }
  const format = await imageFormatOf(data, field);
  if (format) {
    assertNothingHidden(data, field);
    return { kind: 'image', format };
  }
  if (data.subarray(0, 1024).includes(pdfMagic)) {
    throw refuseFile(
      'This PDF has other content before its header (it could be read as a web page) and is refused',
      field,
    );
  }
  throw refuseFile(`This type of file is not accepted. Send ${acceptedFiles}`, field);
}

/** A PDF starts with its header, ends with its end marker, and is not also a web page or an archive. */
function checkPdf(data: Buffer, field: string) {
  const tailStart = Math.max(0, data.length - 1024);
  const end = data.lastIndexOf(pdfEnd);
  if (end < tailStart)
    throw refuseFile('This PDF is incomplete or carries other data after its end: export it again', field);
  const rest = data.subarray(end + pdfEnd.length).toString('latin1');
  if (!/^[\s\0]*$/.test(rest))
    throw refuseFile('This PDF carries other data after its end and is refused', field);
  if (hasMarkup(data.subarray(0, 1024)))
    throw refuseFile('This PDF also looks like a web page (HTML or script) and is refused', field);
  if (hasZip(data)) throw refuseFile('This PDF also contains a ZIP archive and is refused', field);
}

const odfTypes: Record<string, DocumentType> = {
  [documentTypes.odt.mime]: 'odt',
  [documentTypes.ods.mime]: 'ods',
  [documentTypes.odp.mime]: 'odp',
};

/**
 * Office Open XML (a `[Content_Types].xml` entry and its main part) and OpenDocument (a first,
 * stored `mimetype` entry) files, read from the ZIP directory without unpacking anything. The
 * archive must fill the file exactly — nothing before, between or after — and hold no macros.
 */
function officeTypeOf(data: Buffer, field: string): DocumentType {
  const notAccepted = refuseFile(
    `ZIP archives are not accepted: send the files themselves — ${acceptedFiles}`,
    field,
  );
  const names = zipEntryNames(data);
  if (!names)
    throw refuseFile('This archive is damaged or carries other data: save the document again', field);
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name) || /^(Basic|Scripts)\//.test(name))) {
    throw refuseFile(
      'Documents with macros are not accepted: save it without macros (.docx, .xlsx, .pptx)',
      field,
    );
  }
  if (names.includes('[Content_Types].xml')) {
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.includes('ppt/presentation.xml')) return 'pptx';
    throw notAccepted;
  }
  const type = odfTypes[odfMimetypeOf(data) ?? ''];
  if (type) return type;
  throw notAccepted;
}

/** The names in a ZIP's central directory, or null when the structure does not hold together. */
function zipEntryNames(data: Buffer): string[] | null {
  const end = data.lastIndexOf(zipEnd, data.length - 22);
  if (end < 0 || end < data.length - 22 - 0xffff) return null;
  const count = data.readUInt16LE(end + 10);
  const directorySize = data.readUInt32LE(end + 12);
  const directoryStart = data.readUInt32LE(end + 16);
  const commentLength = data.readUInt16LE(end + 20);
  if (end + 22 + commentLength !== data.length) return null;
  if (directoryStart + directorySize !== end || count === 0xffff) return null;
  if (hasMarkup(data.subarray(end + 22))) return null;
  const names: string[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || !data.subarray(at, at + 4).equals(zipCentralHeader)) return null;
    const nameLength = data.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    if (next > end || data.readUInt32LE(at + 42) >= directoryStart) return null;
    names.push(data.toString('utf8', at + 46, at + 46 + nameLength));
    at = next;
  }
  return at === end ? names : null;
}

/** OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the media type. */
function odfMimetypeOf(data: Buffer): string | null {
  if (data.length < 30) return null;
  const method = data.readUInt16LE(8);
  const size = data.readUInt32LE(18);
  const nameLength = data.readUInt16LE(26);
  const start = 30 + nameLength + data.readUInt16LE(28);
  if (method !== 0 || data.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return null;
  if (size > 200 || start + size > data.length) return null;
  return data.toString('latin1', start, start + size);
}

export type ProcessedImage = { data: Buffer; width: number; height: number; thumb: Buffer | null };

/**
 * An image already inspected, re-encoded as WebP within `size` pixels — which drops EXIF, GPS and
 * XMP — with a thumbnail within `thumbSize` when asked.
 */
export async function encodeImage(
  upload: Buffer,
  options: { size: number; thumbSize?: number; field?: string },
): Promise<ProcessedImage> {
  try {
    const data = await normaliseImage(upload, options.size);
    const { width, height } = await sharp(data).metadata();
    const thumb = options.thumbSize ? await normaliseImage(data, options.thumbSize) : null;
    return { data, width: width ?? 0, height: height ?? 0, thumb };
  } catch (error) {
    if (error instanceof HttpError) throw refuseFile(error.message, options.field);
    throw error;
  }
}

/** An uploaded image checked (inspectImage), then encoded (encodeImage). */
export async function processImage(
  upload: Buffer,
  options: { size: number; thumbSize?: number; field?: string },
): Promise<ProcessedImage> {
  await inspectImage(upload, options.field);
  return encodeImage(upload, options);
}

/** A name safe to keep and show: no folders, control or direction-changing characters; at most 200 characters. */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean;
}

/** The name to download a file under: the original name, with the extension of what it really is. */
export function downloadName(originalName: string, extension: string): string {
  const dot = originalName.lastIndexOf('.');
  const base = dot > 0 ? originalName.slice(0, dot) : originalName;
  return `${base || 'file'}.${extension}`;
}

/** A Content-Disposition header (RFC 6266) with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export type UploadedFile = { data: Buffer; fileName: string };
const uploadedFiles = new WeakMap<FastifyRequest, UploadedFile>();

/** The file `readMultipartForm` took from this request, if one was sent. */
export const uploadedFileOf = (request: FastifyRequest) => uploadedFiles.get(request);

const multipartErrors: Record<string, string> = {
  FST_FILES_LIMIT: 'Send one file only',
  FST_FIELDS_LIMIT: 'Too many fields',
  FST_PARTS_LIMIT: 'Too many fields',
  FST_PROTO_VIOLATION: 'A field has a forbidden name',
};

/**
 * Reads a multipart/form-data request in a route's `preValidation` hook: the text fields become
 * `request.body` — so the route's schema validates them as it would JSON (`booleanFields` turn
 * "true"/"false" into booleans first) — and the one file (under `fileField`) is kept aside for
 * `uploadedFileOf`. A file over `maxBytes` is a 413 with `tooLarge` as message.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  spec: { fileField: string; maxBytes: number; tooLarge: string; booleanFields?: readonly string[] },
): Promise<void> {
  const body: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  try {
    const parts = request.parts({
      limits: { fileSize: spec.maxBytes, files: 1, fields: 12, parts: 13, fieldSize: 16 * 1024 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== spec.fileField) throw invalid({ [part.fieldname]: 'is not a known field' });
        const data = await part.toBuffer();
        // A form whose file input was left empty still sends the part, without a name.
        if (data.length === 0 && !part.filename) continue;
        uploadedFiles.set(request, { data, fileName: part.filename ?? '' });
        continue;
      }
      const name = part.fieldname;
      if (Object.hasOwn(body, name)) problems[name] = 'is given more than once';
      else if (part.valueTruncated) problems[name] = 'is too long';
      const value = part.value;
      body[name] = spec.booleanFields?.includes(name) ? toBoolean(value) : value;
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw refuseFile(spec.tooLarge, spec.fileField, 413);
    const message = typeof code === 'string' ? multipartErrors[code] : undefined;
    throw new HttpError(400, 'invalid', message ?? 'The form data could not be read: send it again');
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  request.body = body;
}

function toBoolean(value: unknown): unknown {
  if (value === 'true' || value === 'on' || value === '1') return true;
  if (value === 'false' || value === 'off' || value === '0') return false;
  return value;
}
