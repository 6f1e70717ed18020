import { describe, expect, it } from "vitest";
import {
  isRenewalWeek,
  latentMultiplier,
  monthOfWeek,
  nextRenewalWeek,
  onboardingMultiplier,
} from "../src/hazards.js";

describe("contract-anniversary arithmetic", () => {
  it("renews 12-month terms at 52, 104, 156 and 24-month terms at 104, 208", () => {
    const weeks12 = [];
    const weeks24 = [];
    for (let k = 0; k <= 220; k++) {
      if (isRenewalWeek(k, 12)) weeks12.push(k);
      if (isRenewalWeek(k, 24)) weeks24.push(k);
    }
    expect(weeks12).toEqual([52, 104, 156, 208]);
    expect(weeks24).toEqual([104, 208]);
  });

  it("gives the first renewal week strictly after k", () => {
    expect(nextRenewalWeek(0, 12)).toBe(52);
    expect(nextRenewalWeek(51, 12)).toBe(52);
    expect(nextRenewalWeek(52, 12)).toBe(104);
    expect(nextRenewalWeek(0, 24)).toBe(104);
    expect(nextRenewalWeek(104, 24)).toBe(208);
    expect(nextRenewalWeek(0, 13)).toBe(56);
    expect(nextRenewalWeek(56, 13)).toBe(113);
  });

  it("rejects negative weeks and zero terms", () => {
    expect(() => isRenewalWeek(-1, 12)).toThrow(/week/);
    expect(() => nextRenewalWeek(3, 0)).toThrow(/term/);
  });
});

describe("monthly invoicing weeks", () => {
  it("issues exactly 12 invoices per 52 weeks at weeks 0, 5, 9, 13, 18, …", () => {
    const weeks = [];
    let last = -1;
    for (let k = 0; k < 104; k++) {
      const m = monthOfWeek(k);
      if (m > last) {
        last = m;
        weeks.push(k);
      }
    }
    expect(weeks.slice(0, 8)).toEqual([0, 5, 9, 13, 18, 22, 26, 31]);
    expect(weeks.filter((k) => k < 52)).toHaveLength(12);
    expect(weeks).toHaveLength(24);
  });
});

describe("hazard multipliers", () => {
  it("is neutral at 0.5 and directional", () => {
    expect(latentMultiplier({ product_fit: -2 }, { product_fit: 0.5 })).toBe(1);
    expect(latentMultiplier({ product_fit: -2 }, {})).toBe(1);
    expect(latentMultiplier({ product_fit: -2 }, { product_fit: 0.9 })).toBeLessThan(1);
    expect(onboardingMultiplier(0)).toBeCloseTo(2.5);
    expect(onboardingMultiplier(30)).toBeLessThan(1.001);
  });
});

describe("ledger codes", () => {
  it("index the published vocabularies", async () => {
    const L = await import("../src/ledger.js");
    const { EVENT_TYPES, PAYMENT_STATUSES } = await import("../src/tables.js");
    expect(
      [L.EV_RENEWAL, L.EV_EXPANSION, L.EV_CHURN, L.EV_PAYMENT_FAILURE, L.EV_PAYMENT_RECOVERED].map(
        (c) => EVENT_TYPES[c],
      ),
    ).toEqual(["renewal", "expansion", "churn", "payment_failure", "payment_recovered"]);
    expect(
      [L.PAY_PAID, L.PAY_FAILED, L.PAY_RECOVERED, L.PAY_WRITTEN_OFF].map(
        (c) => PAYMENT_STATUSES[c],
      ),
    ).toEqual(["paid", "failed", "recovered", "written_off"]);
  });
});
