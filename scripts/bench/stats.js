// Small numeric and formatting helpers shared by the benchmark sections.
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';

export function median(values) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Runs `fn` `runs` times (after `warmup` unrecorded runs) and returns each run's value. */
export async function repeat(runs, fn, { warmup = 0 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(-1);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await fn(i));
  return out;
}

/** Median of each numeric key over a list of result objects. */
export function medianOf(results, keys) {
  const out = {};
  for (const k of keys) out[k] = median(results.map((r) => r[k]));
  return out;
}

export const now = () => performance.now();

/** Peak resident set (VmHWM) and current (VmRSS) of a process, in MiB; null when it is gone. */
export function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
    return { hwmMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process and its threads have used, from /proc/<pid>/stat. */
export function procCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] = utime, fields[12] = stime (fields 14 and 15 of proc(5), counted from state)
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

export function fmt(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(digits);
}

export const mib = (bytes) => bytes / (1024 * 1024);

/** A markdown table from a header row and rows of cells. Numeric-looking columns align right. */
export function table(header, rows) {
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-—~≈<>×%.,\d\s]+$|^—$/.test(String(r[i] ?? ''))));
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (numeric[i] ? '---:' : '---')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map((c) => String(c ?? '—')).join(' | ')} |`);
  return lines.join('\n');
}

export function verdict(met) {
  return met === null ? 'not measured' : met ? '**met**' : '**not met**';
}

/** One-line snapshot of how busy the machine is, since other work shares the cores. */
export function machineLoad() {
  const [l1, l5, l15] = loadavg();
  return `load average ${l1.toFixed(2)} / ${l5.toFixed(2)} / ${l15.toFixed(2)}`;
}

/** Deterministic PRNG (mulberry32), so a corpus is the same for the same seed. */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

/** Machine-wide CPU jiffies from /proc/stat, to tell how busy all cores were during a run. */
export function machineCpu() {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const n = f.map(Number);
    const idle = n[3] + (n[4] ?? 0);
    const total = n.reduce((a, b) => a + b, 0);
    return { idle, total };
  } catch {
    return null;
  }
}

/** Share of all cores that were busy between two machineCpu() samples (0..1). */
export function busyShare(before, after) {
  if (!before || !after) return NaN;
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : NaN;
}

/**
 * CPU seconds used so far by the PostgreSQL and Redis servers on this machine (live processes,
 * plus what exited backends left in their parent's cumulative counters).
 */
export function serverCpuSeconds() {
  const out = { postgres: 0, redis: 0 };
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const key = comm === 'postgres' ? 'postgres' : comm.startsWith('redis-server') ? 'redis' : null;
      if (!key) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[key] += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU seconds of one thread of this process (the main thread's tid is the pid). */
export function threadCpuSeconds(tid) {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds of every thread of a process: tid → seconds. */
export function threadsCpu(pid) {
  const out = {};
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[tid] = (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/**
 * Splits a process's CPU between two samples into its main thread (tid = pid), its `workers`
 * busiest other threads (the analysis threads) and the rest (V8's GC and compiler threads, libuv).
 * Returns cores (CPU seconds per wall second).
 */
export function threadBreakdown(pid, before, after, workers, wallSeconds) {
  const delta = Object.entries(after).map(([tid, s]) => [tid, s - (before[tid] ?? 0)]);
  const main = delta.find(([tid]) => tid === String(pid))?.[1] ?? 0;
  const others = delta.filter(([tid]) => tid !== String(pid)).map(([, s]) => s).sort((a, b) => b - a);
  const analysis = others.slice(0, workers);
  const rest = others.slice(workers).reduce((a, b) => a + b, 0);
  return {
    main: main / wallSeconds,
    analysis: analysis.map((s) => s / wallSeconds),
    other: rest / wallSeconds,
  };
}
