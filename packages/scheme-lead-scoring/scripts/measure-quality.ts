// Data-quality measurement: per tier, median over seeds of conversion, LR / GBM / oracle
// ROC-AUC on the public task split (train on train, score test, trap column included),
// lead_source univariate AUC, ID-only AUC and a join-reconstruction probe.
// Run from the package folder:
//   npx tsx --conditions=@leadforge/source scripts/measure-quality.ts [n_leads] [seeds] [tiers]
// e.g. `… measure-quality.ts 5000 42,43,44,45,46 intro,intermediate,advanced`.
import {
  type ColumnarTable,
  createRegistry,
  fitFeaturePlan,
  fitGradientBoosting,
  fitLogisticRegression,
  generateBundle,
  getColumn,
  rocAuc,
} from "@leadforge/core";
import { leadScoringScheme } from "../src/scheme.js";

const registry = createRegistry();
registry.register(leadScoringScheme);
const nLeads = Number(process.argv[2] ?? 5000);
const seeds = (process.argv[3] ?? "42,43,44,45,46").split(",").map(Number);
const tiers = (process.argv[4] ?? "intro,intermediate,advanced").split(",");
const extra = process.argv[5] ? JSON.parse(process.argv[5]) : {};

const EXCLUDE = [
  "lead_id",
  "account_id",
  "contact_id",
  "lead_created_at",
  "current_stage",
  "is_sql",
];
const LABEL = "converted_within_90_days";

function labels(t: ColumnarTable): Float64Array {
  return Float64Array.from(getColumn(t, LABEL) as boolean[], (v) => (v ? 1 : 0));
}

function univariateCategoricalAuc(train: ColumnarTable, test: ColumnarTable, col: string): number {
  const ytr = labels(train);
  const xtr = getColumn(train, col) as string[];
  const rate = new Map<string, [number, number]>();
  xtr.forEach((v, i) => {
    const r = rate.get(v) ?? [0, 0];
    r[0] += ytr[i]!;
    r[1] += 1;
    rate.set(v, r);
  });
  const xte = getColumn(test, col) as string[];
  const s = xte.map((v) => {
    const r = rate.get(v);
    return r ? r[0] / r[1] : 0;
  });
  return rocAuc(labels(test), s);
}

function idNumber(v: string): number {
  return Number(v.slice(v.lastIndexOf("_") + 1));
}

function idOnlyAuc(train: ColumnarTable, test: ColumnarTable): number {
  const cols = ["lead_id", "account_id", "contact_id"];
  const mat = (t: ColumnarTable) => {
    const data = new Float64Array(t.length * cols.length);
    cols.forEach((c, j) => {
      (getColumn(t, c) as string[]).forEach((v, i) => {
        data[i * cols.length + j] = idNumber(v);
      });
    });
    return { rows: t.length, cols: cols.length, data };
  };
  const m = fitGradientBoosting(mat(train), labels(train));
  return rocAuc(labels(test), m.predict(mat(test)));
}

/**
 * Join probe (lift form, as the validation provider): GBM on the task features vs task +
 * features joined from the public opportunities and sales_activities tables.
 */
function joinProbe(
  tables: readonly ColumnarTable[],
  train: ColumnarTable,
  test: ColumnarTable,
): { lift: number; only: number } {
  const opp = tables.find((t) => t.spec.name === "opportunities")!;
  const act = tables.find((t) => t.spec.name === "sales_activities")!;
  const byLead = new Map<string, number[]>();
  const get = (id: string) => {
    let r = byLead.get(id);
    if (!r) byLead.set(id, (r = [0, Number.NaN, Number.NaN, 0, 0, 0, 0]));
    return r;
  };
  const oLead = getColumn(opp, "lead_id") as string[];
  const oAcv = getColumn(opp, "estimated_acv") as number[];
  const oCreated = getColumn(opp, "created_at") as number[];
  oLead.forEach((l, k) => {
    const r = get(l);
    r[0] = 1;
    r[1] = oAcv[k]!;
    r[2] = oCreated[k]!;
  });
  const aLead = getColumn(act, "lead_id") as string[];
  const aType = getColumn(act, "activity_type") as string[];
  const types = ["call", "email", "meeting", "demo"];
  aLead.forEach((l, k) => {
    get(l)[3 + types.indexOf(aType[k]!)]! += 1;
  });
  const P = 7;
  const joined = (t: ColumnarTable) => {
    const ids = getColumn(t, "lead_id") as string[];
    const created = getColumn(t, "lead_created_at") as number[];
    const data = new Float64Array(t.length * P);
    ids.forEach((id, i) => {
      const r = byLead.get(id) ?? [0, Number.NaN, Number.NaN, 0, 0, 0, 0];
      for (let j = 0; j < P; j++) data[i * P + j] = r[j]!;
      data[i * P + 2] = r[2]! - created[i]!;
    });
    return { rows: t.length, cols: P, data };
  };
  const plan = fitFeaturePlan(train, { encoding: "ordinal", exclude: EXCLUDE });
  const stack = (a: { rows: number; cols: number; data: Float64Array }, b: typeof a) => {
    const cols = a.cols + b.cols;
    const data = new Float64Array(a.rows * cols);
    for (let r = 0; r < a.rows; r++) {
      data.set(a.data.subarray(r * a.cols, (r + 1) * a.cols), r * cols);
      data.set(b.data.subarray(r * b.cols, (r + 1) * b.cols), r * cols + a.cols);
    }
    return { rows: a.rows, cols, data };
  };
  const ytr = labels(train);
  const yte = labels(test);
  const auc = (xtr: ReturnType<typeof joined>, xte: ReturnType<typeof joined>) =>
    rocAuc(yte, fitGradientBoosting(xtr, ytr).predict(xte));
  const base = auc(plan.transform(train), plan.transform(test));
  const both = auc(
    stack(plan.transform(train), joined(train)),
    stack(plan.transform(test), joined(test)),
  );
  return { lift: both - base, only: auc(joined(train), joined(test)) };
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

type Row = Record<string, number>;
const results: Record<string, Row[]> = {};
for (const tier of tiers) {
  results[tier] = [];
  for (const seed of seeds) {
    const t0 = performance.now();
    const inst = generateBundle({
      recipe: "b2b_saas_procurement_v1",
      registry,
      options: {
        n_leads: nLeads,
        seed,
        difficulty: tier,
        exposure_mode: "research_instructor",
        ...extra,
      },
    });
    const pub = generateBundle({
      recipe: "b2b_saas_procurement_v1",
      registry,
      options: {
        n_leads: nLeads,
        seed,
        difficulty: tier,
        exposure_mode: "student_public",
        ...extra,
      },
    });
    const task = pub.tasks[0]!;
    const train = task.splits.train;
    const test = task.splits.test;
    const ytr = labels(train);
    const yte = labels(test);
    const lrPlan = fitFeaturePlan(train, { encoding: "one-hot", exclude: EXCLUDE });
    const lr = fitLogisticRegression(lrPlan.transform(train), ytr, { C: 1 });
    const lrAuc = rocAuc(yte, lr.predictProba(lrPlan.transform(test)));
    const lrNoTrapPlan = fitFeaturePlan(train, {
      encoding: "one-hot",
      exclude: [...EXCLUDE, "total_touches_all"],
    });
    const lrNoTrap = fitLogisticRegression(lrNoTrapPlan.transform(train), ytr, { C: 1 });
    const lrNoTrapAuc = rocAuc(yte, lrNoTrap.predictProba(lrNoTrapPlan.transform(test)));
    const gbPlan = fitFeaturePlan(train, { encoding: "ordinal", exclude: EXCLUDE });
    const gb = fitGradientBoosting(gbPlan.transform(train), ytr);
    const gbAuc = rocAuc(yte, gb.predict(gbPlan.transform(test)));
    const oracleTable = inst.metadataTables.find((m) =>
      m.path.startsWith("metadata/oracle/"),
    )!.table;
    const oracle = new Map<string, number>();
    (getColumn(oracleTable, "lead_id") as string[]).forEach((id, k) => {
      oracle.set(id, (getColumn(oracleTable, "oracle_score") as number[])[k]!);
    });
    const oracleAuc = rocAuc(
      yte,
      (getColumn(test, "lead_id") as string[]).map((id) => oracle.get(id)!),
    );
    const conv = Number(pub.manifestDraft.conversion_rate);
    const row: Row = {
      seed,
      conv,
      lr: lrAuc,
      gbm: gbAuc,
      gbm_lr: gbAuc - lrAuc,
      oracle: oracleAuc,
      oracle_lr: oracleAuc - lrAuc,
      lr_no_trap: lrNoTrapAuc,
      source: univariateCategoricalAuc(train, test, "lead_source"),
      ids: idOnlyAuc(train, test),
      ...(() => {
        const j = joinProbe(pub.tables, train, test);
        return { join_lift: j.lift, join_only: j.only };
      })(),
      ms: performance.now() - t0,
    };
    results[tier]!.push(row);
    const motif = String(inst.manifestDraft.motif_family);
    console.log(
      `${tier.padEnd(12)} seed ${seed} ${motif.padEnd(26)} ${Object.entries(row)
        .filter(([k]) => k !== "seed")
        .map(([k, v]) => `${k}=${k === "ms" ? v.toFixed(0) : v.toFixed(3)}`)
        .join(" ")}`,
    );
  }
}
console.log("\nmedian over seeds", seeds.join(","), `(${nLeads} leads)`);
const keys = [
  "conv",
  "lr",
  "gbm",
  "gbm_lr",
  "oracle",
  "oracle_lr",
  "lr_no_trap",
  "source",
  "ids",
  "join_lift",
  "join_only",
];
console.log(`| tier | ${keys.join(" | ")} |`);
console.log(`|---|${keys.map(() => "---").join("|")}|`);
for (const tier of tiers) {
  const rows = results[tier]!;
  console.log(
    `| ${tier} | ${keys.map((k) => median(rows.map((r) => r[k]!)).toFixed(3)).join(" | ")} |`,
  );
}
