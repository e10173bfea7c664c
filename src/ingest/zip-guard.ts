import { createInflateRaw } from 'node:zlib';
import { CorruptFileError, EncryptedFileError, ZipBombError } from '../errors.js';

/**
 * Guards against ZIP containers (DOCX, XLSX) that would expand beyond a byte budget. The central
 * directory is parsed here rather than with jszip: jszip inflates whole entries into memory before
 * anyone can look at their size, which is exactly what a zip bomb exploits.
 */

/** One entry of a ZIP central directory. */
export interface ZipEntryInfo {
  name: string;
  /** 0 = stored, 8 = deflate; anything else is unsupported by jszip and by this guard. */
  method: number;
  /** General-purpose flags; bit 0 = encrypted. */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipGuardOptions {
  /** Refuse when the entries would expand beyond this many bytes in total. */
  maxUncompressedBytes: number;
  /** Refuse archives with more entries than this (default 10 000). */
  maxEntries?: number;
  /** Used in error messages only. */
  fileName?: string;
  /**
   * Inflate every entry with a running byte counter, so that an entry whose declared size lies
   * cannot expand past it (default true). Costs one extra inflate pass over the archive.
   */
  verifyInflation?: boolean;
}

export const DEFAULT_MAX_ZIP_ENTRIES = 10_000;
/**
 * Deflate cannot exceed about 1032:1; real XML and media stay far below 100:1. Only entries
 * large enough to matter are judged by their ratio.
 */
export const MAX_COMPRESSION_RATIO = 1000;
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toSafeNumber(value: bigint, what: string, file: string | undefined): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipBombError(`ZIP ${what} is absurdly large`, { file });
  return Number(value);
}

/**
 * Lists the entries of a ZIP archive from its central directory without inflating anything.
 * Throws CorruptFileError when the directory is missing or inconsistent (e.g. a truncated file).
 */
export function listZipEntries(bytes: Uint8Array, options: { fileName?: string; maxEntries?: number } = {}): ZipEntryInfo[] {
  const file = options.fileName;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ZIP_ENTRIES;
  const view = viewOf(bytes);
  const corrupt = (message: string): never => {
    throw new CorruptFileError(`not a readable ZIP archive: ${message}`, { file });
  };

  // The EOCD record is 22 bytes plus a comment of up to 65 535 bytes at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_EOCD && i + 22 + view.getUint16(i + 20, true) <= bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt('no end-of-central-directory record (truncated?)');

  let entryCount: number = view.getUint16(eocd + 10, true);
  let cdSize: number = view.getUint32(eocd + 12, true);
  let cdOffset: number = view.getUint32(eocd + 16, true);
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) corrupt('ZIP64 locator missing');
    const z64 = toSafeNumber(view.getBigUint64(locator + 8, true), 'ZIP64 offset', file);
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== SIG_ZIP64_EOCD) corrupt('ZIP64 end record missing');
    entryCount = toSafeNumber(view.getBigUint64(z64 + 32, true), 'entry count', file);
    cdSize = toSafeNumber(view.getBigUint64(z64 + 40, true), 'central directory size', file);
    cdOffset = toSafeNumber(view.getBigUint64(z64 + 48, true), 'central directory offset', file);
  }
  if (entryCount > maxEntries)
    throw new ZipBombError(`ZIP declares ${entryCount} entries, over the limit of ${maxEntries}`, { file });
  if (cdOffset + cdSize > bytes.length) corrupt('central directory lies beyond the end of the file');

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let k = 0; k < entryCount; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) corrupt(`central directory entry ${k} is damaged`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) corrupt(`central directory entry ${k} runs past the end of the file`);
    const name = decoder.decode(bytes.subarray(nameStart, extraStart));

    // ZIP64 extended information: only the fields whose 32-bit slot is saturated are present.
    for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const take = (): number => {
          if (q + 8 > e + 4 + size) corrupt(`ZIP64 field of ${name} is too short`);
          const v = toSafeNumber(view.getBigUint64(q, true), `size of ${name}`, file);
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      e += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p = next;
  }
  return entries;
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntryInfo, file: string | undefined): Uint8Array {
  const view = viewOf(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== SIG_LOCAL)
    throw new CorruptFileError(`ZIP local header of ${entry.name} is missing`, { file });
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new CorruptFileError(`ZIP entry ${entry.name} is truncated`, { file });
  return bytes.subarray(start, end);
}

class InflationCapExceeded extends Error {}

/**
 * Inflates raw deflate data, handing each chunk to `onChunk` and stopping as soon as more than
 * `cap` bytes have come out, so memory stays bounded by zlib's chunk size.
 */
function inflateCapped(data: Uint8Array, cap: number, onChunk?: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        settle(() => reject(new InflationCapExceeded()));
        inflater.destroy();
        return;
      }
      onChunk?.(chunk);
    });
    inflater.on('error', (error) => settle(() => reject(error)));
    inflater.on('end', () => settle(() => resolve(total)));
    inflater.end(data);
  });
}

function checkEncryption(entry: ZipEntryInfo, file: string | undefined): void {
  if (entry.flags & 1) throw new EncryptedFileError(`ZIP entry ${entry.name} is encrypted`, { file });
}

/**
 * Throws ZipBombError when the archive would expand beyond `maxUncompressedBytes`, holds too many
 * entries, or has an entry compressed at an absurd ratio; CorruptFileError when it cannot be read.
 * Declared sizes are checked first (no inflation at all); then, unless `verifyInflation` is false,
 * each entry is inflated with a counter that stops at its declared size, so a lying header cannot
 * smuggle more bytes past the budget.
 */
export async function assertZipSafe(bytes: Uint8Array, options: ZipGuardOptions): Promise<void> {
  const file = options.fileName;
  const limit = options.maxUncompressedBytes;
  const entries = listZipEntries(bytes, options);

  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    if (declared > limit)
      throw new ZipBombError(
        `ZIP entries expand to more than ${limit} bytes (at least ${declared} declared, ${entry.name} alone ${entry.uncompressedSize})`,
        { file },
      );
    if (
      entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES &&
      entry.uncompressedSize > MAX_COMPRESSION_RATIO * Math.max(1, entry.compressedSize)
    )
      throw new ZipBombError(
        `ZIP entry ${entry.name} is compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1`,
        { file },
      );
  }

  if (options.verifyInflation === false) return;
  for (const entry of entries) {
    if (entry.name.endsWith('/') && entry.compressedSize === 0) continue;
    checkEncryption(entry, file);
    const data = entryData(bytes, entry, file);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize)
        throw new CorruptFileError(`stored ZIP entry ${entry.name} has inconsistent sizes`, { file });
      continue;
    }
    if (entry.method !== 8)
      throw new CorruptFileError(`ZIP entry ${entry.name} uses unsupported compression method ${entry.method}`, { file });
    try {
      await inflateCapped(data, entry.uncompressedSize);
    } catch (error) {
      if (error instanceof InflationCapExceeded)
        throw new ZipBombError(`ZIP entry ${entry.name} inflates beyond its declared ${entry.uncompressedSize} bytes`, {
          file,
        });
      throw new CorruptFileError(`ZIP entry ${entry.name} cannot be inflated`, { file, cause: error });
    }
  }
}

/**
 * Reads one entry by name (undefined when absent), inflating at most its declared size. Meant for
 * small parts such as docProps/core.xml after assertZipSafe has passed.
 */
export async function readZipEntry(
  bytes: Uint8Array,
  name: string,
  options: { fileName?: string } = {},
): Promise<Uint8Array | undefined> {
  const file = options.fileName;
  const entry = listZipEntries(bytes, options).find((e) => e.name === name);
  if (!entry) return undefined;
  checkEncryption(entry, file);
  const data = entryData(bytes, entry, file);
  if (entry.method === 0) return data.slice();
  if (entry.method !== 8)
    throw new CorruptFileError(`ZIP entry ${name} uses unsupported compression method ${entry.method}`, { file });
  const chunks: Buffer[] = [];
  try {
    await inflateCapped(data, entry.uncompressedSize, (chunk) => chunks.push(chunk));
  } catch (error) {
    if (error instanceof InflationCapExceeded)
      throw new ZipBombError(`ZIP entry ${name} inflates beyond its declared ${entry.uncompressedSize} bytes`, { file });
    throw new CorruptFileError(`ZIP entry ${name} cannot be inflated`, { file, cause: error });
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * True for a password-protected Office Open XML file: Office wraps it in an OLE compound file
 * (magic D0 CF 11 E0 A1 B1 1A E1) holding `EncryptionInfo` and `EncryptedPackage` streams.
 */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length < 512 || !magic.every((b, i) => bytes[i] === b)) return false;
  // Directory entry names are UTF-16LE.
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}
