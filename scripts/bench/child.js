// Runs a section in a child process and returns its parsed result.
import { spawn } from 'node:child_process';
import { SECTION_SCRIPT } from './env.js';

/**
 * @param {string} section
 * @param {object} args
 * @param {{ nodeArgs?: string[], env?: object, timeoutMs?: number, onSpawn?: (pid: number) => void }} [options]
 */
export function runSection(section, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SECTION_SCRIPT, section, JSON.stringify(args)], {
      env: { ...process.env, ...(options.env ?? {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    options.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => {
      stderr += b;
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const line = stdout.split('\n').reverse().find((l) => l.startsWith('@@RESULT '));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice('@@RESULT '.length)));
        return;
      }
      reject(new Error(`bench section ${section} failed (${signal ?? `exit ${code}`}):\n${stderr.slice(-4000)}`));
    });
  });
}
