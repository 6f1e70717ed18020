import { describe, expect, it } from "vitest";
import { createProgressDisplay } from "../src/progress.js";

function sink() {
  const chunks: string[] = [];
  return { chunks, stream: { write: (s: string) => chunks.push(s), isTTY: true, columns: 120 } };
}

describe("createProgressDisplay", () => {
  it("draws stage, counts, rate and ETA, throttled, and clears the line", () => {
    const { chunks, stream } = sink();
    let t = 0;
    const p = createProgressDisplay({ stream, enabled: true, now: () => t, intervalMs: 100 });
    p.onProgress({ stage: "simulate", done: 0, total: 1000, unit: "accounts" });
    t = 500;
    p.onProgress({ stage: "simulate", done: 250, total: 1000, unit: "accounts" });
    t = 550; // within the interval: not drawn
    p.onProgress({ stage: "simulate", done: 260, total: 1000, unit: "accounts" });
    t = 1000;
    p.onProgress({ stage: "simulate", done: 500, total: 1000, unit: "accounts" });
    p.onFile("tables/leads.parquet", 2_500_000);
    p.onFile("tables/touches.parquet", 1_000_000); // within the interval: not drawn
    p.clear();
    expect(chunks).toEqual([
      "\r\x1b[2Ksimulate   0/1,000 accounts (0%)",
      "\r\x1b[2Ksimulate   250/1,000 accounts (25%) · 500 accounts/s · ETA 1.5 s",
      "\r\x1b[2Ksimulate   500/1,000 accounts (50%) · 500 accounts/s · ETA 1.0 s",
      // The first file starts the write stage: drawn at once despite the throttle.
      "\r\x1b[2Kwrite      1 files, 2.5 MB · tables/leads.parquet",
      "\r\x1b[2K",
    ]);
  });

  it("shows files and bytes while writing, and redraws at once on a new stage", () => {
    const { chunks, stream } = sink();
    let t = 0;
    const p = createProgressDisplay({ stream, enabled: true, now: () => t });
    p.onFile("tables/accounts.parquet", 1500);
    t = 1000;
    p.onFile("tables/leads.parquet", 2_000_000);
    p.onProgress({ stage: "render", done: 0, total: 1, unit: "bundle" });
    expect(chunks).toEqual([
      "\r\x1b[2Kwrite      1 files, 1.5 kB · tables/accounts.parquet",
      "\r\x1b[2Kwrite      2 files, 2.0 MB · tables/leads.parquet",
      "\r\x1b[2Krender     0/1 bundle (0%)",
    ]);
  });

  it("writes nothing when disabled", () => {
    const { chunks, stream } = sink();
    const p = createProgressDisplay({ stream, enabled: false });
    p.onProgress({ stage: "simulate", done: 1, total: 2, unit: "x" });
    p.onFile("a", 1);
    p.clear();
    expect(chunks).toEqual([]);
  });
});
