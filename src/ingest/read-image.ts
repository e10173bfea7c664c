/**
 * Image reader: a PNG, JPEG or TIFF page image (a scanned or photographed report page) is one
 * page of OCR text.
 */
import { performance } from 'node:perf_hooks';
import type { RawDocument, ReadOptions } from './document.js';
import { ConfigError, CorruptFileError, EmptyFileError, FileTooLargeError, UnsupportedFormatError } from '../errors.js';
import { startOcrEngine, type OcrEngine, type OcrEngineOptions } from './ocr/engine.js';
import { insertOcrResults, ocrSettingsOf } from './ocr/apply-ocr.js';
import { repairOcrLine } from './ocr/repair.js';

/**
 * Images beyond this many pixels are refused: a few kilobytes of PNG can declare a picture that
 * would take gigabytes to decode. An A4 page scanned at 600 dpi has about 35 million.
 */
export const MAX_IMAGE_PIXELS = 60_000_000;

export interface ImageInfo {
  type: 'png' | 'jpeg' | 'tiff';
  width: number;
  height: number;
  /** Images in the file (TIFF can hold several pages; only the first is read). */
  frames: number;
}

/**
 * Type and size of an image from its header, without decoding it. Undefined for other formats.
 * @throws CorruptFileError when the header is cut short or inconsistent.
 */
export function readImageInfo(bytes: Uint8Array, fileName?: string): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (what: string): never => {
    throw new CorruptFileError(`damaged image: ${what}`, { file: fileName });
  };
  const has = (n: number): boolean => bytes.length >= n;
  if (has(8) && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a) {
    if (!has(24) || view.getUint32(12) !== 0x49484452) corrupt('PNG without an IHDR header');
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20), frames: 1 };
  }
  if (has(3) && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    let p = 2;
    while (p + 4 <= bytes.length) {
      if (bytes[p] !== 0xff) corrupt('JPEG marker expected');
      const marker = bytes[p + 1]!;
      if (marker === 0xff) {
        p++;
        continue;
      }
      // Markers without a length: RSTn, SOI, TEM.
      if ((marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) {
        p += 2;
        continue;
      }
      const length = view.getUint16(p + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) {
        if (p + 9 > bytes.length) corrupt('JPEG frame header cut short');
        return { type: 'jpeg', width: view.getUint16(p + 7), height: view.getUint16(p + 5), frames: 1 };
      }
      if (marker === 0xda) break;
      p += 2 + length;
    }
    return corrupt('JPEG without a frame header');
  }
  const le = has(4) && bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0x00;
  const be = has(4) && bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0x00 && bytes[3] === 0x2a;
  if (le || be) {
    const u16 = (at: number): number => (at + 2 <= bytes.length ? view.getUint16(at, le) : corrupt('TIFF cut short'));
    const u32 = (at: number): number => (at + 4 <= bytes.length ? view.getUint32(at, le) : corrupt('TIFF cut short'));
    let ifd = u32(4);
    let width = 0;
    let height = 0;
    let frames = 0;
    const seen = new Set<number>();
    while (ifd !== 0 && frames < 10_000) {
      if (seen.has(ifd)) corrupt('TIFF directories loop');
      seen.add(ifd);
      const count = u16(ifd);
      if (frames === 0) {
        for (let k = 0; k < count; k++) {
          const at = ifd + 2 + 12 * k;
          const tag = u16(at);
          const type = u16(at + 2);
          const value = type === 3 ? u16(at + 8) : u32(at + 8);
          if (tag === 256) width = value;
          if (tag === 257) height = value;
        }
      }
      frames++;
      ifd = u32(ifd + 2 + 12 * count);
    }
    if (width === 0 || height === 0) corrupt('TIFF without image size');
    return { type: 'tiff', width, height, frames };
  }
  return undefined;
}

/**
 * Reads a page image: one page, its text recognized by tesseract (chi_sim by default), with
 * `needsOcr` and `ocrConfidence` set. With `ocr: false` the page stays unread and has no blocks.
 *
 * @throws EmptyFileError for no bytes; FileTooLargeError over `maxBytes` or MAX_IMAGE_PIXELS;
 *   UnsupportedFormatError for other formats; CorruptFileError when the image cannot be decoded;
 *   ConfigError when the OCR language data is not installed.
 */
export async function readImage(bytes: Uint8Array, options: ReadOptions & Pick<OcrEngineOptions, 'langPath'> = {}): Promise<RawDocument> {
  const file = options.fileName;
  if (bytes.length === 0) throw new EmptyFileError('the image is empty', { file });
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes)
    throw new FileTooLargeError(`the image has ${bytes.length} bytes, over the limit of ${options.maxBytes}`, { file });
  const info = readImageInfo(bytes, file);
  if (!info) throw new UnsupportedFormatError('not a PNG, JPEG or TIFF image', { file });
  if (info.width === 0 || info.height === 0) throw new CorruptFileError('the image has no pixels', { file });
  if (info.width * info.height > MAX_IMAGE_PIXELS)
    throw new FileTooLargeError(`the image has ${info.width}×${info.height} pixels, over the limit of ${MAX_IMAGE_PIXELS}`, { file });

  const warnings: string[] = [];
  if (info.frames > 1) warnings.push(`the TIFF holds ${info.frames} pages; only the first is read`);
  const doc: RawDocument = {
    format: 'image',
    pages: [{ number: 1, chars: 0, needsOcr: true, ocrReason: 'image' }],
    blocks: [],
    warnings,
  };
  const settings = ocrSettingsOf(options);
  if (!settings || settings.maxPages < 1) {
    doc.warnings.push('OCR is off: the image was not read');
    return doc;
  }

  const started = performance.now();
  let engine: OcrEngine | undefined;
  try {
    engine = await startOcrEngine({
      ...(settings.languages !== undefined ? { languages: settings.languages } : {}),
      ...(options.langPath !== undefined ? { langPath: options.langPath } : {}),
    });
    const recognized = await engine.recognize(bytes);
    const lines = recognized.lines.map((l) => repairOcrLine(l.text.trim())).filter((l) => /[\p{L}\p{N}]/u.test(l));
    return insertOcrResults(doc, [
      {
        page: 1,
        text: lines.join('\n'),
        confidence: lines.length > 0 ? recognized.confidence : 0,
        seconds: (performance.now() - started) / 1000,
        doubtfulFigures: recognized.doubtfulFigures.map((w) => w.text),
      },
    ]);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new CorruptFileError(`the ${info.type.toUpperCase()} image cannot be read: ${detail}`, { file, cause: error });
  } finally {
    await engine?.terminate().catch(() => undefined);
  }
}
