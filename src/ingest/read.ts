import type { RawDocument, ReadOptions, SourceDocument } from './document.js';
import { detectFormat } from './detect-format.js';
import { readTxt } from './read-txt.js';
import { normalizeDocument } from '../normalize/normalize.js';
import { EmptyFileError, EncryptedFileError, FileTooLargeError, UnsupportedFormatError } from '../errors.js';

/** Default size limits; the CLI and workers pass the configured ones. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;

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
  // Readers load on first use: pdf.js, tesseract, SheetJS and mammoth cost seconds of start-up,
  // which a CLI call on a TXT file (or `jixiao --help`) should not pay.
  switch (detected.format) {
    case 'txt':
      return readTxt(bytes, opts);
    case 'pdf': {
      const [{ readPdf }, { ocrPdfDocument }] = await Promise.all([import('./read-pdf.js'), import('./ocr/apply-ocr.js')]);
      return ocrPdfDocument(await readPdf(bytes, opts), bytes, opts);
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
      throw new UnsupportedFormatError(`unsupported file type: ${detected.reason}`, { file });
  }
}

/** Reads and normalizes: bytes in, SourceDocument out. */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceDocument> {
  return normalizeDocument(await readRaw(bytes, options));
}
