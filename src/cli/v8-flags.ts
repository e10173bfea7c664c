import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/** Commands that read the files they are given once, then exit. */
const ONE_SHOT_COMMANDS = ['extract', 'check', 'read'];

/**
 * A command that reads one document runs without V8's optimizing compiler (TurboFan). Its work is
 * one pass over each page and each figure: the optimized code arrives late, the layout functions
 * meet new object shapes page after page and are compiled again and again, and the compiles run on
 * background threads that the page worker needs (the 178-page 决算 under load: 4.7 → 3.2 s of CPU,
 * main thread 1.6 → 1.7 s, the same output). Several inputs (folders, globs, a batch) keep it: there
 * the compiled code pays for itself. The launcher calls this before any other module loads; the
 * answer (whether it turned TurboFan off) says which code cache fits (src/cli/code-cache.ts).
 */
export function tuneV8ForCommand(args: readonly string[]): boolean {
  if (!readsOneDocument(args)) return false;
  setFlagsFromString('--no-opt');
  return true;
}

/** `args` (after the executable and script) run a one-shot command on one named file (not a folder or a glob). */
export function readsOneDocument(args: readonly string[], isFile: (path: string) => boolean = isPlainFile): boolean {
  const [command, ...rest] = args;
  if (!command || !ONE_SHOT_COMMANDS.includes(command)) return false;
  const inputs = rest.filter((a) => !a.startsWith('-'));
  return inputs.length === 1 && !/[*?[{]/u.test(inputs[0]!) && isFile(inputs[0]!);
}

function isPlainFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
