import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CorruptFileError, ZipBombError } from '../../src/errors.js';
import { assertZipSafe, isEncryptedOoxml, listZipEntries, readZipEntry } from '../../src/ingest/zip-guard.js';

const seed = new Uint8Array(readFileSync(new URL('../../../shared/seed/huadu-2021-jgdgw.docx', import.meta.url)));
const MB = 1024 * 1024;

async function zipOf(files: Record<string, Uint8Array | string>, level = 6): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level } });
}

/** Text that deflates only about 2:1, so no ratio check fires. */
function noisyText(bytes: number): string {
  let x = 12345;
  let s = '';
  while (s.length < bytes) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += String(x % 1000000).padStart(6, '0');
  }
  return s.slice(0, bytes);
}

function findSignature(bytes: Uint8Array, sig: number[], from = 0): number {
  for (let i = from; i < bytes.length - 4; i++) if (sig.every((b, k) => bytes[i + k] === b)) return i;
  return -1;
}

describe('listZipEntries', () => {
  it('lists the seed DOCX with declared sizes', () => {
    const entries = listZipEntries(seed);
    const doc = entries.find((e) => e.name === 'word/document.xml');
    expect(doc).toBeDefined();
    expect(doc!.method).toBe(8);
    expect(doc!.uncompressedSize).toBeGreaterThan(doc!.compressedSize);
    expect(entries.map((e) => e.name)).toContain('[Content_Types].xml');
  });

  it('reads one entry', async () => {
    const core = await readZipEntry(seed, 'docProps/core.xml');
    expect(new TextDecoder().decode(core)).toContain('<cp:coreProperties');
    expect(await readZipEntry(seed, 'no/such/part.xml')).toBeUndefined();
  });
});

describe('assertZipSafe', () => {
  it('passes the seed DOCX', async () => {
    await expect(assertZipSafe(seed, { maxUncompressedBytes: 10 * MB })).resolves.toBeUndefined();
  });

  it('refuses an honest bomb from its declared size, without inflating', async () => {
    const bomb = await zipOf({ 'word/document.xml': new Uint8Array(50 * MB) }, 9);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const error = await assertZipSafe(bomb, { maxUncompressedBytes: 10 * MB, fileName: 'bomb.docx' }).catch((e) => e);
    expect(performance.now() - started).toBeLessThan(200);
    expect(error).toBeInstanceOf(ZipBombError);
    expect(error.code).toBe('zip_bomb');
    expect(error.file).toBe('bomb.docx');
    expect(error.message).toMatch(/more than 10485760 bytes/);
  });

  it('refuses an entry compressed at an absurd ratio even under the byte limit', async () => {
    const bomb = await zipOf({ 'xl/sharedStrings.xml': new Uint8Array(5 * MB) }, 9);
    const error = await assertZipSafe(bomb, { maxUncompressedBytes: 100 * MB }).catch((e) => e);
    expect(error).toBeInstanceOf(ZipBombError);
    expect(error.message).toMatch(/compressed \d+:1/);
  });

  it('accepts a big but ordinary entry', async () => {
    const zip = await zipOf({ 'word/document.xml': noisyText(2 * MB) });
    await expect(assertZipSafe(zip, { maxUncompressedBytes: 3 * MB })).resolves.toBeUndefined();
    await expect(assertZipSafe(zip, { maxUncompressedBytes: 1 * MB })).rejects.toBeInstanceOf(ZipBombError);
  });

  it('catches an entry that inflates beyond the size its central directory declares', async () => {
    const zip = await zipOf({ 'word/document.xml': noisyText(2 * MB) });
    const central = findSignature(zip, [0x50, 0x4b, 0x01, 0x02]);
    expect(central).toBeGreaterThan(0);
    new DataView(zip.buffer, zip.byteOffset).setUint32(central + 24, 1000, true);
    expect(listZipEntries(zip)[0]!.uncompressedSize).toBe(1000);
    const error = await assertZipSafe(zip, { maxUncompressedBytes: MB }).catch((e) => e);
    expect(error).toBeInstanceOf(ZipBombError);
    expect(error.message).toMatch(/inflates beyond its declared 1000 bytes/);
    // Trusting the directory alone would let it through.
    await expect(assertZipSafe(zip, { maxUncompressedBytes: MB, verifyInflation: false })).resolves.toBeUndefined();
  });

  it('refuses too many entries', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`f${i}.xml`] = '<a/>';
    const zip = await zipOf(files);
    await expect(assertZipSafe(zip, { maxUncompressedBytes: MB, maxEntries: 10 })).rejects.toBeInstanceOf(ZipBombError);
    await expect(assertZipSafe(zip, { maxUncompressedBytes: MB, maxEntries: 20 })).resolves.toBeUndefined();
  });

  it('reports truncated and non-ZIP bytes as corrupt', async () => {
    const half = seed.subarray(0, Math.floor(seed.length / 2));
    const error = await assertZipSafe(half, { maxUncompressedBytes: MB, fileName: 'half.docx' }).catch((e) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect(error.message).toMatch(/^half\.docx: .*end-of-central-directory/);
    await expect(assertZipSafe(new TextEncoder().encode('hello, not a zip'), { maxUncompressedBytes: MB })).rejects.toBeInstanceOf(
      CorruptFileError,
    );
  });

  it('reports damaged deflate data as corrupt, with the zlib error as cause', async () => {
    const zip = await zipOf({ 'word/document.xml': noisyText(100_000) });
    const entry = listZipEntries(zip)[0]!;
    const view = new DataView(zip.buffer, zip.byteOffset);
    const dataStart = entry.localHeaderOffset + 30 + view.getUint16(entry.localHeaderOffset + 26, true) + view.getUint16(entry.localHeaderOffset + 28, true);
    zip.fill(0, dataStart, dataStart + 16);
    const error = await assertZipSafe(zip, { maxUncompressedBytes: MB }).catch((e) => e);
    expect(error).toBeInstanceOf(CorruptFileError);
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('isEncryptedOoxml', () => {
  it('recognises an OLE container with an EncryptedPackage stream', () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(isEncryptedOoxml(bytes)).toBe(false);
    bytes.set(Buffer.from('EncryptedPackage', 'utf16le'), 600);
    expect(isEncryptedOoxml(bytes)).toBe(true);
    expect(isEncryptedOoxml(seed)).toBe(false);
  });
});
