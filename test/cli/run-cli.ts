import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The CLI as a user runs it: the built bin (npm test builds first), with its exit code and output. */
export async function jixiao(args: string[], env: Record<string, string> = {}, timeout = 0): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['bin/jixiao.js', ...args], { env: { ...process.env, ...env }, maxBuffer: 64 << 20, timeout });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * The CLI in a shell pipeline whose reader stops after `bytes` (`jixiao … | head -c N`): the CLI's own
 * exit code and what it printed on stderr. (A shell pipe, not a Node one: Node's child pipes are
 * sockets, where an early close is not the EPIPE a user meets.)
 */
export function jixiaoReadPart(args: string[], bytes: number): Promise<{ code: number | null; stderr: string }> {
  const quoted = args.map((a) => `'${a.replace(/'/gu, `'\\''`)}'`).join(' ');
  const script = `set -o pipefail; "${process.execPath}" bin/jixiao.js ${quoted} | head -c ${bytes} > /dev/null`;
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
