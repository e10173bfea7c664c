/**
 * Departments across reports: each stated name resolves to a department key (`departmentKey`),
 * corrected by the user's alias table — `key` aliases merge one key into another, `name` aliases
 * give one spelling its own key (a split). Exports and pivots group by the resolved key and show
 * the group's latest name.
 */
import type { DepartmentAlias, DepartmentNameRow, Store } from '../store/store.js';
import { canonicalDepartmentName, compactDepartmentName, departmentKey, type DepartmentRegion } from './department-key.js';

/** One spelling of a department within a group. */
export interface DepartmentSpelling {
  /** 名称 as stated. */
  name: string;
  /** The key the spelling computes to before aliases. */
  computedKey: string;
  region: DepartmentRegion;
  years: number[];
  reports: number;
}

export interface DepartmentGroup {
  /** 部门标识, after aliases. */
  key: string;
  /** 最新名称: the name stated in the group's latest fiscal year. */
  latestName: string;
  names: DepartmentSpelling[];
  years: number[];
  reports: number;
}

/** Thrown for a merge or split the alias table cannot express; the CLI prints it as a usage error. */
export class DepartmentAliasError extends Error {
  override readonly name = 'DepartmentAliasError';
}

export class DepartmentIndex {
  private readonly keyAliases = new Map<string, string>();
  private readonly nameAliases = new Map<string, string>();
  private readonly byKey = new Map<string, DepartmentGroup>();

  constructor(
    rows: readonly DepartmentNameRow[],
    readonly aliases: readonly DepartmentAlias[] = [],
  ) {
    for (const alias of aliases) (alias.kind === 'key' ? this.keyAliases : this.nameAliases).set(alias.source, alias.target);
    const spellings = new Map<string, DepartmentSpelling & { key: string; latestYear: number }>();
    for (const row of rows) {
      const key = this.resolve(row.department, row.region);
      const computedKey = departmentKey(row.department, row.region);
      if (key === null || computedKey === null) continue;
      const id = JSON.stringify([key, row.department, row.region.province, row.region.city, row.region.county]);
      let spelling = spellings.get(id);
      if (!spelling) {
        spelling = { key, name: row.department, computedKey, region: { ...row.region }, years: [], reports: 0, latestYear: -Infinity };
        spellings.set(id, spelling);
      }
      spelling.reports += row.reports;
      if (row.fiscalYear !== null && !spelling.years.includes(row.fiscalYear)) spelling.years.push(row.fiscalYear);
      spelling.latestYear = Math.max(spelling.latestYear, row.fiscalYear ?? -Infinity);
    }
    const latest = new Map<string, { name: string; year: number; reports: number }>();
    for (const { key, latestYear, ...spelling } of spellings.values()) {
      spelling.years.sort((a, b) => a - b);
      let group = this.byKey.get(key);
      if (!group) {
        group = { key, latestName: spelling.name, names: [], years: [], reports: 0 };
        this.byKey.set(key, group);
      }
      group.names.push(spelling);
      group.reports += spelling.reports;
      for (const year of spelling.years) if (!group.years.includes(year)) group.years.push(year);
      const best = latest.get(key);
      // Latest year wins; then the spelling used by more reports; then a stable order.
      if (
        !best ||
        latestYear > best.year ||
        (latestYear === best.year && (spelling.reports > best.reports || (spelling.reports === best.reports && spelling.name < best.name)))
      ) {
        latest.set(key, { name: spelling.name, year: latestYear, reports: spelling.reports });
        group.latestName = spelling.name;
      }
    }
    for (const group of this.byKey.values()) {
      group.years.sort((a, b) => a - b);
      group.names.sort((a, b) => (a.years.at(-1) ?? -Infinity) - (b.years.at(-1) ?? -Infinity) || a.name.localeCompare(b.name, 'zh'));
    }
  }

  /** The department key of a stated name after aliases; null when there is no name. */
  resolve(name: string | null | undefined, region: DepartmentRegion | null = null): string | null {
    if (!name) return null;
    const override = this.nameAliases.get(compactDepartmentName(name));
    const key = override ?? departmentKey(name, region);
    return key === null ? null : this.followKey(key);
  }

  /** Follows merge aliases to the final key (a cycle, which merges never create, stops where it closes). */
  followKey(key: string): string {
    const seen = new Set<string>();
    let current = key;
    while (this.keyAliases.has(current) && !seen.has(current)) {
      seen.add(current);
      current = this.keyAliases.get(current)!;
    }
    return current;
  }

  groups(): DepartmentGroup[] {
    return [...this.byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
  }

  group(key: string): DepartmentGroup | undefined {
    return this.byKey.get(this.followKey(key));
  }

  latestName(key: string | null): string | null {
    return key === null ? null : (this.group(key)?.latestName ?? null);
  }

  /**
   * Keys a `--department` filter selects: an exact key, or every group whose key, latest name or
   * any stated name contains the text (case-insensitive, compared in canonical spelling too).
   */
  matchKeys(text: string): Set<string> {
    const needle = text.trim().toLowerCase();
    const canonical = canonicalDepartmentName(text).toLowerCase();
    const exact = this.group(text.trim());
    if (exact) return new Set([exact.key]);
    const keys = new Set<string>();
    for (const group of this.byKey.values()) {
      const haystacks = [group.key, ...group.names.flatMap((spelling) => [spelling.name, canonicalDepartmentName(spelling.name)])];
      if (haystacks.some((hay) => hay.toLowerCase().includes(needle) || (canonical !== '' && hay.toLowerCase().includes(canonical)))) {
        keys.add(group.key);
      }
    }
    return keys;
  }

  /** Every key in use: group keys and alias sources and targets. */
  private usedKeys(): Set<string> {
    const used = new Set<string>(this.byKey.keys());
    for (const [source, target] of this.keyAliases) used.add(source).add(target);
    for (const target of this.nameAliases.values()) used.add(target);
    for (const group of this.byKey.values()) for (const spelling of group.names) used.add(spelling.computedKey);
    return used;
  }

  /** The alias that puts department `from` into department `into`; null when they are already one. */
  planMerge(into: string, from: string): DepartmentAlias | null {
    const target = this.requireGroup(into).key;
    const source = this.requireGroup(from).key;
    if (target === source) return null;
    // `source` is final (no alias leaves it), so pointing it at the final `target` cannot close a cycle.
    return { kind: 'key', source, target };
  }

  /** The alias that gives the spelling `name` of department `key` a key of its own. */
  planSplit(key: string, name: string): DepartmentAlias {
    const group = this.requireGroup(key);
    const compact = compactDepartmentName(name);
    const spellings = group.names.filter((spelling) => compactDepartmentName(spelling.name) === compact);
    if (spellings.length === 0) {
      throw new DepartmentAliasError(`department ${group.key} has no name ${JSON.stringify(name)}; its names: ${group.names.map((s) => s.name).join('、')}`);
    }
    const others = group.names.filter((spelling) => compactDepartmentName(spelling.name) !== compact);
    if (others.length === 0) throw new DepartmentAliasError(`${JSON.stringify(name)} is the only name of department ${group.key}: nothing to split`);
    const base = spellings[0]!.computedKey;
    const used = this.usedKeys();
    let target = base;
    // The computed key is reused when nothing else claims it (the split undoes an earlier merge).
    if (target === group.key || this.keyAliases.has(target) || this.byKey.has(target)) {
      for (let n = 2; used.has((target = `${base}#${n}`)); n++);
    }
    return { kind: 'name', source: compact, target };
  }

  private requireGroup(key: string): DepartmentGroup {
    const group = this.group(key);
    if (!group) throw new DepartmentAliasError(`no department with key ${JSON.stringify(key)} (see \`jixiao departments\`)`);
    return group;
  }
}

/** The department index of everything stored, with the user's aliases applied. */
export async function loadDepartmentIndex(store: Store): Promise<DepartmentIndex> {
  const [rows, aliases] = await Promise.all([store.listDepartmentNames(), store.listDepartmentAliases()]);
  return new DepartmentIndex(rows, aliases);
}

/** Merges department `from` into `into`; returns the alias written, or null when they were one already. */
export async function mergeDepartments(store: Store, into: string, from: string): Promise<DepartmentAlias | null> {
  const alias = (await loadDepartmentIndex(store)).planMerge(into, from);
  if (alias) await store.putDepartmentAlias(alias);
  return alias;
}

/** Gives the spelling `name` of department `key` its own key; returns the alias written. */
export async function splitDepartment(store: Store, key: string, name: string): Promise<DepartmentAlias> {
  const alias = (await loadDepartmentIndex(store)).planSplit(key, name);
  await store.putDepartmentAlias(alias);
  return alias;
}
