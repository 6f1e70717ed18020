import type { LeadOutcomes } from "./simulate-account.js";
import { OPEN_STAGES, STAGE_LOST, STAGE_SQL, STAGE_WON } from "./vocabulary.js";

/** Lead `i`'s stage index at the end of lead-day `t` (as-of state for snapshots and public tables). */
export function stageAt(out: LeadOutcomes, i: number, t: number): number {
  const conv = out.convDay[i]!;
  if (conv >= 0 && conv <= t) return STAGE_WON;
  const churn = out.churnDay[i]!;
  if (churn >= 0 && churn <= t) return STAGE_LOST;
  let stage = 0;
  for (let s = 1; s < OPEN_STAGES; s++) {
    const e = out.stageEnter[i * OPEN_STAGES + s]!;
    if (e >= 0 && e <= t) stage = s;
  }
  return stage;
}

/** Whether lead `i` had reached sql through the funnel by the end of lead-day `t`. */
export function isSqlAt(out: LeadOutcomes, i: number, t: number): boolean {
  const e = out.stageEnter[i * OPEN_STAGES + STAGE_SQL]!;
  return e >= 0 && e <= t;
}

/** Lead-day the lead's opportunity closed (conversion or churn), or −1 while open. */
export function closedDay(out: LeadOutcomes, i: number): number {
  const conv = out.convDay[i]!;
  return conv >= 0 ? conv : out.churnDay[i]!;
}
