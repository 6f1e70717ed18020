import { finalizeWorld, type LeadScoringWorld } from "./build-world.js";
import { HAZARD_SLOTS } from "./mechanisms.js";
import { CONTACT_FIELDS, LEAD_FIELDS, type Population } from "./population.js";
import { createEventBuffers, DRIVER_SLOTS, type EventBuffers } from "./simulate-account.js";
import { OPEN_STAGES } from "./vocabulary.js";

type Column = Int32Array | Int16Array | Float64Array | Uint8Array;
type Columns = Record<string, Column>;

/**
 * Merge the parts' chronologically sorted event columns into `target`, in the same
 * chronological order (day, second, lead — a total key, so the merge equals sorting the
 * concatenation), column by column, releasing each part's column once it is copied.
 */
function mergeEvents(
  target: { length: number; cols: Columns },
  parts: readonly { length: number; cols: Columns }[],
  created: Int32Array,
): void {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const fromPart = new Uint8Array(total);
  const fromRow = new Int32Array(total);
  const heads = parts.map(() => 0);
  for (let k = 0; k < total; k++) {
    let best = -1;
    let bestDay = 0;
    let bestSec = 0;
    let bestLead = 0;
    for (let p = 0; p < parts.length; p++) {
      const h = heads[p]!;
      const part = parts[p]!;
      if (h >= part.length) continue;
      const lead = part.cols.lead![h]!;
      const day = created[lead]! + part.cols.t![h]!;
      const sec = part.cols.sec![h]!;
      if (
        best < 0 ||
        day < bestDay ||
        (day === bestDay && (sec < bestSec || (sec === bestSec && lead < bestLead)))
      ) {
        best = p;
        bestDay = day;
        bestSec = sec;
        bestLead = lead;
      }
    }
    fromPart[k] = best;
    fromRow[k] = heads[best]!++;
  }
  for (const key of Object.keys(target.cols)) {
    const Ctor = target.cols[key]!.constructor as new (n: number) => Column;
    const out = new Ctor(total);
    const src = parts.map((p) => p.cols[key]!);
    for (let k = 0; k < total; k++) out[k] = src[fromPart[k]!]![fromRow[k]!]!;
    for (const p of parts) p.cols[key] = new Ctor(0);
    target.cols[key] = out;
  }
  target.length = total;
}

/** Copy `width` values per index `i` from `src` into `dst` (both indexed i × width); no-op when empty. */
function copySlots(dst: Column, src: Column, i: number, width: number): void {
  if (dst.length === 0) return;
  dst.set(src.subarray(i * width, (i + 1) * width) as never, i * width);
}

/**
 * Merge partial worlds built by workers over consecutive account ranges (in range order)
 * into the world a single build would produce, then finalise it. World-level state
 * (graph, calibration, calendar, account firmographics, membership) is identical in every
 * part; contacts, leads, outcomes and events are taken from the part that owns their
 * account. Parts may arrive structured-cloned (plain objects), so only data is read.
 *
 * The parts are consumed: per-entity columns are merged in place into the first part's
 * arrays (indexed by global contact / lead index, so no second full copy is made), and each
 * part's event columns are released as they are concatenated. Hidden-truth columns that a
 * public build left empty stay empty.
 */
export function mergeWorlds(parts: readonly LeadScoringWorld[]): LeadScoringWorld {
  const first = parts[0]!;
  if (parts.length === 1 && first.finalized) return first;
  const pop: Population = first.pop;
  const out = first.outcomes;
  const nd = pop.nDisturbances;
  // Columns a public build left empty (hidden traits) are skipped.
  const contactKeys = CONTACT_FIELDS.filter((k) => pop[k].length > 0);
  const leadKeys = LEAD_FIELDS.filter((k) => pop[k].length > 0);
  const contactCols = contactKeys.map((k) => pop[k] as Column);
  const leadCols = leadKeys.map((k) => pop[k] as Column);
  for (const part of parts.slice(1)) {
    const src = part.pop;
    const o = part.outcomes;
    const srcContactCols = contactKeys.map((k) => src[k] as Column);
    const srcLeadCols = leadKeys.map((k) => src[k] as Column);
    for (let a = part.range.start; a < part.range.end; a++) {
      for (let p = pop.acctContactOffsets[a]!; p < pop.acctContactOffsets[a + 1]!; p++) {
        const c = pop.acctContacts[p]!;
        for (let k = 0; k < contactCols.length; k++) contactCols[k]![c] = srcContactCols[k]![c]!;
      }
      for (let p = pop.acctLeadOffsets[a]!; p < pop.acctLeadOffsets[a + 1]!; p++) {
        const i = pop.acctLeads[p]!;
        for (let k = 0; k < leadCols.length; k++) leadCols[k]![i] = srcLeadCols[k]![i]!;
        copySlots(pop.leadDisturbance, src.leadDisturbance, i, nd);
        copySlots(out.stageEnter, o.stageEnter, i, OPEN_STAGES);
        out.finalStage[i] = o.finalStage[i]!;
        out.convDay[i] = o.convDay[i]!;
        out.churnDay[i] = o.churnDay[i]!;
        out.horizonTouches[i] = o.horizonTouches[i]!;
        copySlots(out.oracle, o.oracle, i, 1);
        copySlots(out.prior, o.prior, i, 1);
        copySlots(out.hazards, o.hazards, i, HAZARD_SLOTS);
        copySlots(out.drivers, o.drivers, i, DRIVER_SLOTS);
      }
    }
  }
  const events: EventBuffers = createEventBuffers(0);
  for (const name of ["touches", "sessions", "activities"] as const) {
    mergeEvents(
      events[name] as unknown as { length: number; cols: Columns },
      parts.map((p) => p.events[name] as unknown as { length: number; cols: Columns }),
      pop.leadCreated,
    );
  }
  return finalizeWorld({ ...first, events });
}
