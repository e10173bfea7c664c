// The page worker's task for scripts/bench/critical-path.js: checkDocumentAlone, with this
// thread's on-CPU time for the import of the check modules and for the checks.
import { readFileSync } from 'node:fs';

const onCpuMs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;

export async function timedDocumentChecks({ checkUrl, doc }) {
  const a = onCpuMs();
  const { checkDocumentAlone } = await import(checkUrl);
  const b = onCpuMs();
  const checks = checkDocumentAlone(doc);
  return { checks, importMs: b - a, checkMs: onCpuMs() - b };
}
