import type { FieldCandidate, FieldDecision } from '../schema/record.js';

/**
 * A report field's decision as the record keeps it (record.reportRoles): the ranked candidates, the
 * index of the value taken among them (null when none was taken) and why.
 */
export function fieldDecisionOf(field: FieldDecision['field'], taken: string | null, reason: string, candidates: FieldCandidate[]): FieldDecision {
  const chosen = taken === null ? -1 : candidates.findIndex((c) => c.value === taken);
  return { field, chosen: chosen >= 0 ? chosen : null, reason, candidates };
}
