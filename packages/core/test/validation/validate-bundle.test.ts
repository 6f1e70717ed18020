import { mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLabelBandProvider,
  createLeadScoringValidators,
  createRegistry,
  dropColumns,
  type Finding,
  formatFindings,
  generateBundle,
  getColumn,
  type ValidationResult,
} from "../../src/index.js";
import { openBundle, validateBundle, writeBundle } from "../../src/node/index.js";
import { miniFunnelScheme } from "../fixtures/mini-funnel-scheme.js";
import {
  appendRows,
  copyBundle,
  editManifest,
  readTable,
  reseal,
  setColumn,
  writeTable,
} from "./damage-bundle.js";

const registry = createRegistry();
registry.register(miniFunnelScheme);
let tmp: string;
let pub: string;
let inst: string;
let leaky: string;
let n = 0;

async function make(options: Record<string, unknown>, name: string): Promise<string> {
  const bundle = generateBundle({
    recipe: "mini_funnel_v1",
    registry,
    options: { n_leads: 600, seed: 7, ...options },
  });
  const out = join(tmp, name);
  await writeBundle({ bundle, outDir: out });
  return out;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "lf-validate-"));
  pub = await make({ exposure_mode: "student_public" }, "public");
  inst = await make({ exposure_mode: "research_instructor" }, "instructor");
  leaky = await make({ exposure_mode: "student_public", inject_stage_leak: true }, "leaky");
}, 60_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const fresh = (src = pub) => copyBundle(src, join(tmp, `damaged-${n++}`));
const validate = (dir: string, strict = false) => validateBundle(dir, { registry, strict });
const failing = (r: ValidationResult) => r.findings.filter((f) => f.severity !== "info");
const withCode = (r: ValidationResult, code: string): Finding[] =>
  r.findings.filter((f) => f.code === code);

describe("validateBundle on pristine bundles", () => {
  it("passes a public bundle with only notes (probe values)", async () => {
    const r = await validate(pub, true);
    expect(failing(r), formatFindings(r)).toEqual([]);
    expect(r.ok).toBe(true);
    // The probes report their measured values even when they pass.
    expect(withCode(r, "probe_id_only_ok")[0]!.value).toBeLessThan(0.6);
    expect(withCode(r, "probe_join_reconstruction_ok")).toHaveLength(1);
  });
  it("passes an instructor bundle; leaky instructor columns are notes, not failures", async () => {
    const r = await validate(inst, true);
    expect(failing(r), formatFindings(r)).toEqual([]);
    expect(withCode(r, "probe_stage_only")[0]!.message).toMatch(/expected: this mode publishes/);
  });
});

describe("validateBundle detects each kind of damage", () => {
  it("edited file → hash_mismatch naming the file", async () => {
    const d = await fresh();
    await writeFile(join(d, "dataset_card.md"), "# edited\n");
    const r = await validate(d);
    expect(r.ok).toBe(false);
    expect(withCode(r, "hash_mismatch")).toMatchObject([
      {
        severity: "error",
        file: "dataset_card.md",
        message: expect.stringMatching(/dataset_card\.md was modified/),
      },
    ]);
  });
  it("extra file → file_unlisted", async () => {
    const d = await fresh();
    await writeFile(join(d, "tables", "notes.txt"), "hi");
    const r = await validate(d);
    expect(withCode(r, "file_unlisted")).toMatchObject([{ file: "tables/notes.txt" }]);
    expect(r.ok).toBe(false);
  });
  it("missing file → file_missing", async () => {
    const d = await fresh();
    await unlink(join(d, "feature_dictionary.csv"));
    const r = await validate(d);
    expect(withCode(r, "file_missing")[0]!.file).toBe("feature_dictionary.csv");
  });
  it("manifest that breaks its schema → manifest_schema naming the field", async () => {
    const d = await fresh();
    await editManifest(d, (m) => {
      m.seed = "forty-two";
    });
    const r = await validate(d);
    expect(r.ok).toBe(false);
    expect(withCode(r, "manifest_schema")[0]!.message).toMatch(/seed/);
  });
  it("missing column (re-sealed) → schema_missing_column by column", async () => {
    const d = await fresh();
    const t = await readTable(d, "tables/touches.parquet");
    await writeTable(d, "tables/touches.parquet", dropColumns(t, ["touch_channel"]));
    const r = await validate(d);
    expect(withCode(r, "hash_mismatch")).toEqual([]);
    expect(withCode(r, "schema_missing_column")).toMatchObject([
      {
        file: "tables/touches.parquet",
        column: "touch_channel",
        message: expect.stringMatching(/missing declared column 'touch_channel'/),
      },
    ]);
  });
  it("wrong type → schema_type_mismatch with both types", async () => {
    const d = await fresh();
    const t = await readTable(d, "tables/opportunities.parquet");
    const acv = getColumn(t, "estimated_acv") as number[];
    const spec = t.spec.columns.find((c) => c.name === "estimated_acv")!;
    await writeTable(
      d,
      "tables/opportunities.parquet",
      setColumn(
        t,
        { ...spec, type: "float64" },
        acv.map((v) => v + 0.5),
      ),
    );
    const r = await validate(d);
    expect(withCode(r, "schema_type_mismatch")).toMatchObject([
      {
        column: "estimated_acv",
        message: expect.stringMatching(/Parquet type float64, declared int64/),
      },
    ]);
  });
  it("task file drift → schema_unexpected_column", async () => {
    const d = await fresh();
    const t = await readTable(d, "tasks/converted_within_90_days/valid.parquet");
    await writeTable(
      d,
      "tasks/converted_within_90_days/valid.parquet",
      setColumn(
        t,
        { name: "extra_score", type: "float64", description: "" },
        new Array(t.length).fill(0.5),
      ),
    );
    const r = await validate(d);
    expect(withCode(r, "schema_unexpected_column")[0]).toMatchObject({ column: "extra_score" });
  });
  it("a task split missing a column the other splits have → schema_split_mismatch", async () => {
    const d = await fresh();
    const t = await readTable(d, "tasks/converted_within_90_days/valid.parquet");
    await writeTable(
      d,
      "tasks/converted_within_90_days/valid.parquet",
      dropColumns(t, ["touch_count"]),
    );
    const r = await validate(d);
    expect(withCode(r, "schema_split_mismatch")).toMatchObject([
      {
        file: "tasks/converted_within_90_days/valid.parquet",
        message: expect.stringMatching(/missing \[touch_count\]/),
      },
    ]);
  });
  it("broken foreign key → fk_broken with orphans", async () => {
    const d = await fresh();
    const t = await readTable(d, "tables/touches.parquet");
    const ids = (getColumn(t, "lead_id") as string[]).slice();
    ids[0] = "lead_999999";
    const spec = t.spec.columns.find((c) => c.name === "lead_id")!;
    await writeTable(d, "tables/touches.parquet", setColumn(t, spec, ids));
    const r = await validate(d);
    expect(withCode(r, "fk_broken")).toMatchObject([
      {
        column: "lead_id",
        value: 1,
        message: expect.stringMatching(
          /touches\.lead_id → leads\.lead_id broken: 1 orphan.*lead_999999/,
        ),
      },
    ]);
  });
  it("post-cutoff row in a public table → post_cutoff_rows", async () => {
    const d = await fresh();
    const leads = await readTable(d, "tables/leads.parquet");
    const created = getColumn(leads, "lead_created_at") as number[];
    const lead = (getColumn(leads, "lead_id") as string[])[0]!;
    const t = await readTable(d, "tables/touches.parquet");
    const late = (created[0]! + 60) * 86_400_000_000;
    await writeTable(
      d,
      "tables/touches.parquet",
      appendRows(t, [["touch_late_1", lead, late, "email"]]),
    );
    const r = await validate(d);
    expect(withCode(r, "post_cutoff_rows")).toMatchObject([
      {
        file: "tables/touches.parquet",
        value: 1,
        message: expect.stringMatching(
          /1 of \d+ rows in touches have touch_timestamp after the cutoff \(leads\.lead_created_at \+ 30 days\)/,
        ),
      },
    ]);
  });
  it("the lead-scoring preset's time cut catches the same late touch", async () => {
    const d = await fresh();
    const leads = await readTable(d, "tables/leads.parquet");
    const created = getColumn(leads, "lead_created_at") as number[];
    const t = await readTable(d, "tables/touches.parquet");
    const late = (created[0]! + 31) * 86_400_000_000;
    const lead = (getColumn(leads, "lead_id") as string[])[0]!;
    await writeTable(
      d,
      "tables/touches.parquet",
      appendRows(t, [["touch_late_2", lead, late, "call"]]),
    );
    const timeCut = createLeadScoringValidators().find((p) => p.name === "time_cut")!;
    const findings = await timeCut.check(await openBundle(d));
    expect(findings).toMatchObject([{ code: "post_cutoff_rows", value: 1 }]);
  });
  it("label rate outside the tier's band → label_rate_out_of_band (noted only when the bundle is small)", async () => {
    const bundle = await openBundle(pub);
    const strictBand = createLabelBandProvider({
      taskId: "converted_within_90_days",
      bands: { intermediate: { min: 0.6, max: 0.9 } },
      minRows: 100,
    });
    expect(await strictBand.check(bundle)).toMatchObject([
      {
        severity: "error",
        code: "label_rate_out_of_band",
        message: expect.stringMatching(/outside the intermediate band \[0\.6, 0\.9\]/),
      },
    ]);
    const small = createLabelBandProvider({
      taskId: "converted_within_90_days",
      bands: { intermediate: { min: 0.6 } },
      minRows: 10_000,
    });
    expect((await small.check(bundle))[0]!.severity).toBe("info");
  });
  it("leaked (redacted) column in a public table and task file → redacted_*_present", async () => {
    const d = await fresh();
    const leads = await readTable(d, "tables/leads.parquet");
    await writeTable(
      d,
      "tables/leads.parquet",
      setColumn(
        leads,
        { name: "converted_within_90_days", type: "bool", description: "" },
        new Array(leads.length).fill(false),
      ),
    );
    const train = await readTable(d, "tasks/converted_within_90_days/train.parquet");
    await writeTable(
      d,
      "tasks/converted_within_90_days/train.parquet",
      setColumn(
        train,
        { name: "current_stage", type: "string", description: "" },
        new Array(train.length).fill("open"),
      ),
    );
    const r = await validate(d);
    expect(withCode(r, "redacted_column_present")).toMatchObject([
      {
        column: "converted_within_90_days",
        message: expect.stringMatching(
          /'leads\.converted_within_90_days' is redacted in student_public/,
        ),
      },
    ]);
    expect(withCode(r, "redacted_feature_present")).toMatchObject([
      { column: "current_stage", file: "tasks/converted_within_90_days/train.parquet" },
    ]);
  });
  it("omitted table or hidden truth in a public bundle → omitted_table_present / metadata_present", async () => {
    const d = await fresh();
    await writeFile(join(d, "metadata.json"), "{}");
    const { mkdir, copyFile } = await import("node:fs/promises");
    await mkdir(join(d, "metadata"), { recursive: true });
    await copyFile(
      join(inst, "metadata", "world_spec.json"),
      join(d, "metadata", "world_spec.json"),
    );
    await reseal(d, "metadata/world_spec.json");
    await copyFile(
      join(inst, "tables", "customers.parquet"),
      join(d, "tables", "customers.parquet"),
    );
    await reseal(d, "tables/customers.parquet");
    const r = await validate(d);
    expect(withCode(r, "metadata_present")).toHaveLength(1);
    expect(withCode(r, "omitted_table_present")[0]!.message).toMatch(/'customers' must be omitted/);
  });
  it("instructor bundle without its metadata → metadata_missing", async () => {
    const d = await fresh(inst);
    await editManifest(d, (m) => {
      for (const k of Object.keys(m.files)) if (k.startsWith("metadata/")) delete m.files[k];
    });
    await rm(join(d, "metadata"), { recursive: true });
    const r = await validate(d);
    expect(withCode(r, "metadata_missing")).toHaveLength(1);
  });
  it("overlapping splits → split_overlap and split_group_leak", async () => {
    const d = await fresh();
    const train = await readTable(d, "tasks/converted_within_90_days/train.parquet");
    const test = await readTable(d, "tasks/converted_within_90_days/test.parquet");
    const row = train.columns.map((c) => c[0]);
    await writeTable(d, "tasks/converted_within_90_days/test.parquet", appendRows(test, [row]));
    const r = await validate(d);
    expect(withCode(r, "split_overlap")).toMatchObject([
      {
        column: "lead_id",
        message: expect.stringMatching(/1 lead_id value\(s\) appear in both train and test/),
      },
    ]);
    // The lead's account now sits in two splits: the grouped strategy is violated too.
    expect(withCode(r, "split_group_leak")[0]!.message).toMatch(/grouped split violated/);
  });
  it("a lead moved to another split (no duplicate) → split_group_leak only", async () => {
    const d = await fresh();
    const train = await readTable(d, "tasks/converted_within_90_days/train.parquet");
    const test = await readTable(d, "tasks/converted_within_90_days/test.parquet");
    const leads = await readTable(d, "tables/leads.parquet");
    const acct = new Map(
      (getColumn(leads, "lead_id") as string[]).map((l, i) => [
        l,
        (getColumn(leads, "account_id") as string[])[i]!,
      ]),
    );
    const ids = getColumn(train, "lead_id") as string[];
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(acct.get(id)!, (counts.get(acct.get(id)!) ?? 0) + 1);
    const r0 = ids.findIndex((id) => counts.get(acct.get(id)!)! > 1);
    const keep = ids.map((_, i) => i).filter((i) => i !== r0);
    await writeTable(d, "tasks/converted_within_90_days/train.parquet", {
      ...train,
      length: keep.length,
      columns: train.columns.map((c) => keep.map((i) => c[i]!)) as never,
    });
    await writeTable(
      d,
      "tasks/converted_within_90_days/test.parquet",
      appendRows(test, [train.columns.map((c) => c[r0])]),
    );
    const r = await validate(d);
    expect(withCode(r, "split_overlap")).toEqual([]);
    expect(withCode(r, "split_group_leak")).toMatchObject([{ value: 1 }]);
  });
  it("negative count → value_below_bound", async () => {
    const d = await fresh();
    const t = await readTable(d, "tasks/converted_within_90_days/valid.parquet");
    const v = (getColumn(t, "touch_count") as number[]).slice();
    v[0] = -3;
    await writeTable(
      d,
      "tasks/converted_within_90_days/valid.parquet",
      setColumn(t, t.spec.columns.find((c) => c.name === "touch_count")!, v),
    );
    const r = await validate(d);
    expect(withCode(r, "value_below_bound")[0]).toMatchObject({ column: "touch_count", value: -3 });
  });
  it("constant feature is a warning: passes, but fails under strict", async () => {
    const d = await fresh();
    const t = await readTable(d, "tasks/converted_within_90_days/train.parquet");
    const spec = t.spec.columns.find((c) => c.name === "lead_source")!;
    await writeTable(
      d,
      "tasks/converted_within_90_days/train.parquet",
      setColumn(t, spec, new Array(t.length).fill("webinar")),
    );
    const loose = await validate(d);
    expect(withCode(loose, "constant_feature")).toMatchObject([
      { severity: "warning", column: "lead_source" },
    ]);
    expect(loose.ok).toBe(true);
    expect((await validate(d, true)).ok).toBe(false);
  });
  it("CSV bundles: names are checked from the header; a renamed column is drift", async () => {
    const d = await make({ exposure_mode: "student_public", format: "csv", n_leads: 300 }, "csv");
    expect(failing(await validate(d))).toEqual([]);
    const { readFile } = await import("node:fs/promises");
    const path = join(d, "tables", "touches.csv");
    const text = await readFile(path, "utf8");
    await writeFile(path, text.replace("touch_channel", "channel"));
    await reseal(d, "tables/touches.csv");
    const r = await validate(d);
    expect(withCode(r, "schema_missing_column")[0]).toMatchObject({ column: "touch_channel" });
    expect(withCode(r, "schema_unexpected_column")[0]).toMatchObject({ column: "channel" });
  });
  it("injected end-of-horizon opportunities.stage → probe_join_reconstruction names the column", async () => {
    const r = await validate(leaky);
    const f = withCode(r, "probe_join_reconstruction");
    expect(f, formatFindings(r)).toHaveLength(1);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.value).toBeGreaterThan(f[0]!.threshold!);
    expect(f[0]!.message).toMatch(/opportunities\.stage=closed_won/);
    expect(r.ok).toBe(false);
  });
});
