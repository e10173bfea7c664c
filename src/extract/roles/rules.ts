/**
 * The headline roles a candidate can fill, each with the kinds of number it takes and the score a
 * winner needs (`threshold`) and its lead over a different value (`margin`).
 */
import type { FigureRole } from '../../vocabulary/roles.js';
import type { CandidateKind } from './candidates.js';

export type RoleId = FigureRole;

export interface Role {
  id: RoleId;
  /** 中文 name, for messages. */
  zh: string;
  kinds: readonly CandidateKind[];
  /** Below this score no candidate is taken: a wrong figure is worse than a missing one. */
  threshold: number;
  /** A winner must lead the best candidate of another value by this much, else the role abstains (or the rate breaks the tie). */
  margin: number;
}

export const ROLES: readonly Role[] = [
  { id: 'budget', zh: '预算数', kinds: ['money'], threshold: 4, margin: 1 },
  { id: 'budgetInitial', zh: '年初预算数', kinds: ['money'], threshold: 4, margin: 1 },
  { id: 'execution', zh: '执行数', kinds: ['money'], threshold: 4, margin: 1 },
  { id: 'executionRate', zh: '执行率', kinds: ['percent'], threshold: 4, margin: 1 },
  { id: 'selfScore', zh: '自评得分', kinds: ['score'], threshold: 4, margin: 1 },
];

export const ROLE_IDS: readonly RoleId[] = ROLES.map((r) => r.id);
