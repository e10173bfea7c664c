// The page worker's task for scripts/bench/critical-path.js: checkDocumentAlone (of `doc`, or of
// `raw` normalized here, as analyze hands it over), with this thread's on-CPU time for the import
// of the check modules (≈ 0 when the worker imported them ahead) and for the checks.
import { readFileSync } from 'node:fs';

const onCpuMs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;

export async function timedDocumentChecks({ checkUrl, doc, raw }) {
  const a = onCpuMs();
  const { checkDocumentAlone, checkRawDocumentAlone } = await import(checkUrl);
  const b = onCpuMs();
  const checks = raw ? checkRawDocumentAlone(raw) : checkDocumentAlone(doc);
  return { checks, importMs: b - a, checkMs: onCpuMs() - b };
}
