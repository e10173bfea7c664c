import { isUnreadPage, type RawDocument, type ReadOptions, type SourceDocument } from './document.js';
import { DEFAULTS } from '../config.js';
import { detectFormat, extensionOf } from './detect-format.js';
import { readTxt } from './read-txt.js';
import { normalizeDocument } from '../normalize/normalize.js';
import { CorruptFileError, EmptyFileError, EncryptedFileError, FileTooLargeError, UnsupportedFormatError } from '../errors.js';

/** Default size limits (config's DEFAULTS); the CLI and workers pass the configured ones. */
export const DEFAULT_MAX_BYTES = DEFAULTS.maxBytes;
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = DEFAULTS.maxUncompressedBytes;

/**
 * Reads bytes of any supported format into a RawDocument (no normalization). PDF pages without a
 * usable text layer and images are OCRed unless `options.ocr` is false.
 */
export async function readRaw(bytes: Uint8Array, options: ReadOptions = {}): Promise<RawDocument> {
  const file = options.fileName;
  if (bytes.length === 0) throw new EmptyFileError('the file is empty', { file });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes)
    throw new FileTooLargeError(`the file has ${bytes.length} bytes, over the limit of ${maxBytes}`, { file });
  const opts: ReadOptions = { maxUncompressedBytes: DEFAULT_MAX_UNCOMPRESSED_BYTES, ...options, maxBytes };
  const detected = detectFormat(bytes, file);
  const extension = extensionOf(file);
  const container = CONTAINER_EXTENSIONS[extension];
  if (container?.strict && !container.formats.includes(detected.format)) throw corruptContainer(extension, container.signature, detected.reason, file);
  const mismatch = mismatchOf(extension, detected.format);
  const raw = await readDetected(bytes, detected, opts);
  return mismatch ? { ...raw, extensionMismatch: { extension, format: raw.format } } : raw;
}

/**
 * Extensions of binary containers and the signature each promises. Content decides the format;
 * bytes that match no format at all under such a name are a damaged file of that kind.
 */
const CONTAINER_EXTENSIONS: Record<string, { formats: readonly string[]; signature: string; strict?: true }> = {
  pdf: { formats: ['pdf'], signature: 'a %PDF- header' },
  // An Office Open XML file is a ZIP package and nothing else: text under that name is a damaged
  // download, not a report to read (a .doc, by contrast, is often HTML or RTF saved by Word).
  docx: { formats: ['docx', 'xlsx', 'encrypted-ooxml'], signature: 'a ZIP signature (PK)', strict: true },
  xlsx: { formats: ['docx', 'xlsx', 'encrypted-ooxml'], signature: 'a ZIP signature (PK)', strict: true },
  doc: { formats: ['doc', 'xls', 'docx', 'encrypted-ooxml'], signature: 'an OLE or ZIP signature' },
  xls: { formats: ['doc', 'xls', 'xlsx', 'encrypted-ooxml'], signature: 'an OLE or ZIP signature' },
  png: { formats: ['image'], signature: 'a PNG signature' },
  jpg: { formats: ['image'], signature: 'a JPEG signature' },
  jpeg: { formats: ['image'], signature: 'a JPEG signature' },
  tif: { formats: ['image'], signature: 'a TIFF signature' },
  tiff: { formats: ['image'], signature: 'a TIFF signature' },
};

function corruptContainer(extension: string, signature: string, found: string, file: string | undefined): CorruptFileError {
  return new CorruptFileError(`named .${extension}, but the bytes do not start with ${signature} (found: ${found}): the file is damaged or is not what its name says`, { file });
}

/** Extensions whose files are text of some kind. */
const TEXT_FORMATS: Record<string, readonly string[]> = { txt: ['txt', 'html'], html: ['html', 'txt'], htm: ['html', 'txt'] };

/** True when the name promised a format the content is not; throws when the content is no format at all. */
function mismatchOf(extension: string, format: string): boolean {
  const container = CONTAINER_EXTENSIONS[extension];
  if (container && format === 'unknown') return false; // readRaw's switch reports what the bytes are
  if (container) return !container.formats.includes(format);
  const text = TEXT_FORMATS[extension];
  return text !== undefined && format !== 'unknown' && !text.includes(format);
}

/** A page flagged for OCR that has not had it (apply-ocr's pages to read). */

async function readDetected(bytes: Uint8Array, detected: ReturnType<typeof detectFormat>, opts: ReadOptions): Promise<RawDocument> {
  const file = opts.fileName;
  const container = CONTAINER_EXTENSIONS[extensionOf(file)];
  // Readers load on first use: pdf.js, tesseract, SheetJS and mammoth cost seconds of start-up,
  // which a CLI call on a TXT file (or `jixiao --help`) should not pay.
  switch (detected.format) {
    case 'txt':
      return readTxt(bytes, opts);
    case 'pdf': {
      const doc = await (await import('./read-pdf.js')).readPdf(bytes, opts);
      // The OCR modules (and perf_hooks) load only for a page that needs OCR: most PDFs have none.
      if (!doc.pages.some(isUnreadPage)) return doc;
      return (await import('./ocr/apply-ocr.js')).ocrPdfDocument(doc, bytes, opts);
    }
    case 'docx':
      return (await import('./read-docx.js')).readDocx(bytes, opts);
    case 'html':
      return (await import('./read-html.js')).readHtml(bytes, opts);
    case 'xlsx':
    case 'xls':
      return (await import('./read-xlsx.js')).readXlsx(bytes, opts);
    case 'doc':
      return (await import('./read-doc.js')).readDoc(bytes, opts);
    case 'image':
      return (await import('./read-image.js')).readImage(bytes, opts);
    case 'encrypted-ooxml':
      throw new EncryptedFileError('the Office file is password-protected', { file });
    default:
      if (container) throw corruptContainer(extensionOf(file), container.signature, detected.reason, file);
      throw new UnsupportedFormatError(`unsupported file type: ${detected.reason}`, { file });
  }
}

/** Reads and normalizes: bytes in, SourceDocument out. */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceDocument> {
  return normalizeDocument(await readRaw(bytes, options));
}
