import { execFile } from 'node:child_process';
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
