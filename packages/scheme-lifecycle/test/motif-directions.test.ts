import { describe, expect, it } from "vitest";
import { PAY_PAID, PAY_WRITTEN_OFF } from "../src/ledger.js";
import { MOTIFS } from "../src/motifs.js";
import { buildWorld } from "./helpers.js";

// Seeds 1-5 draw each motif family once (world-level draw).
const rates = Object.fromEntries(
  [1, 2, 3, 4, 5].map((seed) => {
    const w = buildWorld({ seed, n_customers: 600, difficulty: "intermediate" });
    const lg = w.ledger;
    let failed = 0;
    let writtenOff = 0;
    for (const s of lg.invStatus) {
      if (s !== PAY_PAID) failed++;
      if (s === PAY_WRITTEN_OFF) writtenOff++;
    }
    let expansions = 0;
    for (const t of lg.evType) if (t === 1) expansions++;
    const n = w.customers.length;
    return [
      w.motif.name,
      {
        failure: failed / lg.invStatus.length,
        writeOffShare: writtenOff / failed,
        expansions: expansions / n,
        yr1: w.final.churnWeek.filter((k) => k >= 0 && k <= 52).length / n,
        activeAtObservation:
          w.customers.filter((c, i) => {
            const k = w.final.churnWeek[i]!;
            return k < 0 || c.startDay + 7 * k > w.observationDay;
          }).length / n,
      },
    ];
  }),
);

describe("motif families", () => {
  it("covers all five motifs with seeds 1-5", () => {
    expect(Object.keys(rates).sort()).toEqual(MOTIFS.map((m) => m.name).sort());
  });

  it("keeps the reference's directional facts on realized rates", () => {
    const r = rates as Record<string, (typeof rates)[string]>;
    const others = Object.entries(r).filter(([k]) => k !== "payment_fragile");
    for (const [, o] of others) {
      expect(r.payment_fragile!.failure).toBeGreaterThan(2 * o.failure);
      expect(r.payment_fragile!.writeOffShare).toBeGreaterThan(o.writeOffShare);
    }
    expect(r.expansion_led_growth!.expansions).toBeGreaterThan(2 * r.churner_dominated!.expansions);
    for (const [k, o] of Object.entries(r)) {
      if (k !== "churner_dominated") expect(r.churner_dominated!.yr1).toBeGreaterThanOrEqual(o.yr1);
    }
    expect(r.expansion_led_growth!.yr1).toBeLessThan(r.churner_dominated!.yr1);
    expect(r.product_led_retention!.activeAtObservation).toBeGreaterThan(0.6);
  });
});
