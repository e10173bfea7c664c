import { stat } from 'node:fs/promises';

/** Extensions picked up when a folder is given; a file named explicitly is always read. */
export const REPORT_EXTENSIONS = ['txt', 'pdf', 'docx', 'html', 'htm', 'doc', 'xls', 'xlsx', 'wps', 'et', 'png', 'jpg', 'jpeg', 'tif', 'tiff'];

/** Files, folders (recursively, report extensions only) and globs → sorted unique file paths. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out = new Set<string>();
  const exts = `{${REPORT_EXTENSIONS.flatMap((e) => [e, e.toUpperCase()]).join(',')}}`;
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isFile()) {
      out.add(input);
      continue;
    }
    // tinyglobby loads only for folders and globs: a named file (the usual case) does not pay for it.
    const { glob } = await import('tinyglobby');
    if (info?.isDirectory()) {
      const found = await glob(`**/*.${exts}`, { cwd: input, absolute: false, dot: false, onlyFiles: true });
      for (const f of found.sort()) out.add(`${input.replace(/\/+$/u, '')}/${f}`);
      continue;
    }
    const found = await glob(input, { onlyFiles: true, dot: false });
    for (const f of found.sort()) out.add(f);
    if (found.length === 0) out.add(input); // reported later as unreadable, not silently dropped
  }
  return [...out];
}
