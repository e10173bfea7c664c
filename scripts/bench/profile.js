// Summaries of V8 CPU profiles (`node --cpu-prof`): top frames by self time, and self time by
// source file or package, so a missed target comes with what bounds it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where a frame lives: `dist/extract/counts.js`, `nodejieba`, `(native)`. */
function sourceOf(url) {
  if (!url) return '(native / VM)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = path.lastIndexOf('/dist/');
  if (dist >= 0) return path.slice(dist + 1);
  if (path.startsWith('node:')) return path;
  return path.split('/').slice(-2).join('/');
}

/**
 * @param {string} file a .cpuprofile
 * @returns {{ totalMs: number, frames: Array<{ name: string, where: string, selfMs: number, share: number }>, sources: Array<{ source: string, selfMs: number, share: number }> }}
 */
export function summarizeProfile(file, { top = 15, ignoreIdle = true } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = timeDeltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  const frames = new Map();
  const sources = new Map();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    const cf = node.callFrame;
    const name = cf.functionName || '(anonymous)';
    if (ignoreIdle && (name === '(idle)' || name === '(program)' || name === '(garbage collector)') && !cf.url) {
      if (name !== '(garbage collector)') continue;
    }
    totalUs += us;
    const where = cf.url ? `${sourceOf(cf.url)}:${cf.lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const f = frames.get(key) ?? { name, where, selfUs: 0 };
    f.selfUs += us;
    frames.set(key, f);
    const src = name === '(garbage collector)' ? '(garbage collector)' : sourceOf(cf.url);
    sources.set(src, (sources.get(src) ?? 0) + us);
  }
  const share = (us) => (totalUs > 0 ? us / totalUs : 0);
  return {
    totalMs: totalUs / 1000,
    frames: [...frames.values()]
      .sort((a, b) => b.selfUs - a.selfUs)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: f.selfUs / 1000, share: share(f.selfUs) })),
    sources: [...sources.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([source, us]) => ({ source, selfMs: us / 1000, share: share(us) })),
  };
}

/** The newest .cpuprofile in a directory (node names them by time, pid and thread). */
export function profilesIn(dir) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.cpuprofile'))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Runs `fn` under the V8 sampling profiler of this thread and writes the profile to `out`
 * (no-op without `out`), so a profile covers the measured loop and not the start-up around it.
 */
export async function profiled(out, fn) {
  if (!out) return fn();
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
    session.disconnect();
  }
}
