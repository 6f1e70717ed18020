import { finalizeWorld, type LeadScoringWorld } from "./build-world.js";
import { HAZARD_SLOTS } from "./mechanisms.js";
import { CONTACT_FIELDS, LEAD_FIELDS, type Population } from "./population.js";
import {
  allocateOutcomes,
  createEventBuffers,
  DRIVER_SLOTS,
  type EventBuffers,
} from "./simulate-account.js";
import { OPEN_STAGES } from "./vocabulary.js";

type Columns = Record<string, Int32Array | Float64Array | Uint8Array>;

function concatEvents(
  target: { length: number; cols: Columns },
  parts: readonly { length: number; cols: Columns }[],
): void {
  const total = parts.reduce((n, p) => n + p.length, 0);
  for (const key of Object.keys(target.cols)) {
    const Ctor = target.cols[key]!.constructor as new (n: number) => Int32Array;
    const out = new Ctor(Math.max(1, total));
    let offset = 0;
    for (const p of parts) {
      out.set((p.cols[key] as Int32Array).subarray(0, p.length), offset);
      offset += p.length;
    }
    target.cols[key] = out;
  }
  target.length = total;
}

/**
 * Merge partial worlds built by workers over consecutive account ranges (in range order)
 * into the world a single build would produce, then finalise it. World-level state
 * (graph, calibration, calendar, account firmographics, membership) is identical in every
 * part; contacts, leads, outcomes and events are taken from the part that owns their
 * account. Parts may arrive structured-cloned (plain objects), so only data is read.
 */
export function mergeWorlds(parts: readonly LeadScoringWorld[]): LeadScoringWorld {
  const first = parts[0]!;
  if (parts.length === 1 && first.finalized) return first;
  const pop: Population = { ...first.pop };
  const { nLeads } = pop;
  const nd = pop.nDisturbances;
  const contactCols = Object.fromEntries(
    CONTACT_FIELDS.map((k) => [k, (first.pop[k] as Int32Array).slice()]),
  ) as Record<(typeof CONTACT_FIELDS)[number], Int32Array>;
  const leadCols = Object.fromEntries(
    LEAD_FIELDS.map((k) => [k, (first.pop[k] as Int32Array).slice()]),
  ) as Record<(typeof LEAD_FIELDS)[number], Int32Array>;
  const disturbance = first.pop.leadDisturbance.slice();
  const out = allocateOutcomes(nLeads);
  for (const part of parts) {
    const src = part.pop;
    const o = part.outcomes;
    for (let a = part.range.start; a < part.range.end; a++) {
      for (let p = pop.acctContactOffsets[a]!; p < pop.acctContactOffsets[a + 1]!; p++) {
        const c = pop.acctContacts[p]!;
        for (const k of CONTACT_FIELDS) contactCols[k][c] = (src[k] as Int32Array)[c]!;
      }
      for (let p = pop.acctLeadOffsets[a]!; p < pop.acctLeadOffsets[a + 1]!; p++) {
        const i = pop.acctLeads[p]!;
        for (const k of LEAD_FIELDS) leadCols[k][i] = (src[k] as Int32Array)[i]!;
        disturbance.set(src.leadDisturbance.subarray(i * nd, (i + 1) * nd), i * nd);
        out.stageEnter.set(
          o.stageEnter.subarray(i * OPEN_STAGES, (i + 1) * OPEN_STAGES),
          i * OPEN_STAGES,
        );
        out.finalStage[i] = o.finalStage[i]!;
        out.convDay[i] = o.convDay[i]!;
        out.churnDay[i] = o.churnDay[i]!;
        out.hazards.set(
          o.hazards.subarray(i * HAZARD_SLOTS, (i + 1) * HAZARD_SLOTS),
          i * HAZARD_SLOTS,
        );
        out.drivers.set(
          o.drivers.subarray(i * DRIVER_SLOTS, (i + 1) * DRIVER_SLOTS),
          i * DRIVER_SLOTS,
        );
      }
    }
  }
  const merged = {
    ...pop,
    ...contactCols,
    ...leadCols,
    leadDisturbance: disturbance,
  } as unknown as Population;
  const events: EventBuffers = createEventBuffers(1);
  for (const name of ["touches", "sessions", "activities"] as const) {
    concatEvents(
      events[name] as unknown as { length: number; cols: Columns },
      parts.map((p) => p.events[name] as unknown as { length: number; cols: Columns }),
    );
  }
  return finalizeWorld({ ...first, pop: merged, outcomes: out, events });
}
