// `generate`, `inspect` and `list-recipes` against a third-party-style scheme loaded through
// LEADFORGE_SCHEMES from a user project's node_modules (the toy fixture).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "@leadforge/core";
import { beforeAll, describe, expect, it } from "vitest";
import { makeToyProject, runCliBin, TOY_ENV } from "./helpers.js";

let project: string;
const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runCliBin(args, { cwd: project, env: { ...TOY_ENV, ...env } });
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(project, dir, "manifest.json"), "utf8")) as Manifest;

beforeAll(() => {
  project = makeToyProject();
});

describe("generate (toy scheme)", () => {
  it("writes a bundle to the default folder name and prints a summary; no progress in non-TTY", () => {
    const r = run(["generate", "--recipe", "toy_recipe_v1", "--seed", "7"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const dir = "toy_recipe_v1-intermediate-student_public-seed7";
    expect(r.stdout).toContain(`Bundle written to ./${dir}`);
    expect(r.stdout).toMatch(/tables: customers 40/);
    expect(r.stdout).toMatch(/task will_buy: train \d+ \/ valid \d+ \/ test \d+, label rate/);
    const m = manifestOf(dir);
    expect(m.recipe_id).toBe("toy_recipe_v1");
    expect(m.seed).toBe(7);
    expect(m.scheme_package).toEqual({ name: "@fixture/scheme-toy", version: "1.2.3" });
    expect(m.generation_timestamp).toBeNull();
    expect(existsSync(join(project, dir, "metadata"))).toBe(false);
  });

  it("--json prints a parseable summary and nothing else", () => {
    const r = run([
      "generate",
      "--recipe",
      "toy_recipe_v1",
      "--seed",
      "3",
      "--mode",
      "research_instructor",
      "--difficulty",
      "advanced",
      "--n-customers",
      "60",
      "--format",
      "both",
      "--split-strategy",
      "random",
      "--out",
      "json-out",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.out).toBe(join(project, "json-out"));
    expect(s.scheme).toEqual({ name: "toy", package: "@fixture/scheme-toy", version: "1.2.3" });
    expect(s).toMatchObject({
      recipe_id: "toy_recipe_v1",
      seed: 3,
      difficulty: "advanced",
      exposure_mode: "research_instructor",
      split_strategy: "random",
      format: "both",
      tables: { customers: 60 },
    });
    const t = s.tasks.will_buy;
    expect(t.rows.train + t.rows.valid + t.rows.test).toBe(60);
    expect(t.label_rate.train).toBeGreaterThanOrEqual(0);
    expect(s.bytes).toBeGreaterThan(0);
    expect(existsSync(join(project, "json-out/metadata/truth.json"))).toBe(true);
    expect(existsSync(join(project, "json-out/tables/customers.csv"))).toBe(true);
    expect(existsSync(join(project, "json-out/tables/customers.parquet"))).toBe(true);
  });

  it("--quiet prints nothing", () => {
    const r = run(["generate", "-r", "toy_recipe_v1", "--seed", "1", "--out", "quiet", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("");
  });

  it("a flag given wins over the override file; a flag not given does not clobber it", () => {
    writeFileSync(
      join(project, "override.yaml"),
      "seed: 11\nn_customers: 25\ndifficulty: intro\ngeneration_timestamp: '2026-01-02T03:04:05Z'\n",
    );
    const a = run([
      "generate",
      "-r",
      "toy_recipe_v1",
      "--override",
      "override.yaml",
      "--json",
      "--out",
      "ov-a",
    ]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({
      seed: 11,
      difficulty: "intro",
      tables: { customers: 25 },
    });
    expect(manifestOf("ov-a").generation_timestamp).toBe("2026-01-02T03:04:05Z");
    const b = run([
      "generate",
      "-r",
      "toy_recipe_v1",
      "--override",
      "override.yaml",
      "--seed",
      "12",
      "--n-customers",
      "30",
      "--json",
      "--out",
      "ov-b",
    ]);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({
      seed: 12,
      difficulty: "intro",
      tables: { customers: 30 },
    });
  });

  it("the default folder name follows the override file's resolved seed, tier and mode", () => {
    writeFileSync(join(project, "ov2.yaml"), "seed: 99\nexposure_mode: research_instructor\n");
    const r = run([
      "generate",
      "-r",
      "toy_recipe_v1",
      "--override",
      "ov2.yaml",
      "--difficulty",
      "intro",
    ]);
    expect(r.code).toBe(0);
    expect(
      existsSync(join(project, "toy_recipe_v1-intro-research_instructor-seed99/manifest.json")),
    ).toBe(true);
  });

  it("refuses a non-empty output folder without --force (exit 2), replaces it with --force", () => {
    const args = ["generate", "-r", "toy_recipe_v1", "--seed", "5", "--out", "twice"];
    expect(run(args).code).toBe(0);
    const again = run(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      "error: Output folder './twice' exists and is not empty; pass --force to replace it, or choose another --out.\n",
    );
    const forced = run([...args, "--seed", "6", "--force", "--quiet"]);
    expect(forced.code).toBe(0);
    expect(manifestOf("twice").seed).toBe(6);
    expect(readdirSync(project).filter((f) => f.startsWith(".twice"))).toEqual([]);
  });

  it("--from-manifest regenerates byte-identical files", () => {
    expect(
      run([
        "generate",
        "-r",
        "toy_recipe_v1",
        "--seed",
        "21",
        "--n-customers",
        "33",
        "--out",
        "orig",
        "-q",
      ]).code,
    ).toBe(0);
    const r = run([
      "generate",
      "--from-manifest",
      "orig/manifest.json",
      "--out",
      "regen",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(join(project, "regen/manifest.json"), "utf8")).toBe(
      readFileSync(join(project, "orig/manifest.json"), "utf8"),
    );
    // A bundle folder works as well as its manifest path.
    expect(run(["generate", "--from-manifest", "orig", "--out", "regen2", "-q"]).code).toBe(0);
    expect(manifestOf("regen2").files).toEqual(manifestOf("orig").files);
  });

  it("--from-manifest of a folder recipe asks for the folder; with --recipe PATH it regenerates", () => {
    mkdirSync(join(project, "recipes/own_recipe"), { recursive: true });
    writeFileSync(
      join(project, "recipes/own_recipe/recipe.yaml"),
      "id: own_recipe\ntitle: Own\nvertical: test\ndescription: Own.\nscheme: toy\nsupported_modes: [student_public]\nsupported_difficulty: [intro]\n",
    );
    expect(
      run(["generate", "-r", "./recipes/own_recipe", "--difficulty", "intro", "--out", "own", "-q"])
        .code,
    ).toBe(0);
    const r = run(["generate", "--from-manifest", "own", "--out", "own2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: own records recipe 'own_recipe', which no installed scheme ships; if it came from your own recipe folder, add --recipe <path-to-folder>.\n",
    );
    expect(
      run([
        "generate",
        "--from-manifest",
        "own",
        "--recipe",
        "./recipes/own_recipe",
        "--out",
        "own3",
        "-q",
      ]).code,
    ).toBe(0);
    expect(manifestOf("own3").files).toEqual(manifestOf("own").files);
  });

  it("--from-manifest refuses a manifest written by another scheme version", () => {
    const m = manifestOf("orig");
    m.scheme_package.version = "1.0.0";
    writeFileSync(join(project, "old-manifest.json"), JSON.stringify(m));
    const r = run(["generate", "--from-manifest", "old-manifest.json", "--out", "never"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "error: old-manifest.json was written by @fixture/scheme-toy 1.0.0, but 1.2.3 is installed",
    );
    expect(r.stderr).toContain("pnpm add @fixture/scheme-toy@1.0.0");
    expect(existsSync(join(project, "never"))).toBe(false);
  });

  it("--from-manifest warns (but regenerates) when another core version wrote the manifest", () => {
    const m = manifestOf("orig");
    m.core_version = "0.0.1";
    writeFileSync(join(project, "old-core.json"), JSON.stringify(m));
    const r = run([
      "generate",
      "--from-manifest",
      "old-core.json",
      "--out",
      "regen-core",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: old-core\.json was written with @leadforge\/core 0\.0\.1, \d+\.\d+\.\d+ is installed/,
    );
    expect(JSON.parse(r.stdout).seed).toBe(21);
  });

  it("SOURCE_DATE_EPOCH sets the manifest timestamp; --generation-timestamp wins", () => {
    expect(
      run(["generate", "-r", "toy_recipe_v1", "--out", "sde", "-q"], {
        SOURCE_DATE_EPOCH: "1767225600",
      }).code,
    ).toBe(0);
    expect(manifestOf("sde").generation_timestamp).toBe("2026-01-01T00:00:00Z");
    expect(
      run(
        [
          "generate",
          "-r",
          "toy_recipe_v1",
          "--out",
          "gts",
          "-q",
          "--generation-timestamp",
          "2025-05-05",
        ],
        {
          SOURCE_DATE_EPOCH: "1767225600",
        },
      ).code,
    ).toBe(0);
    expect(manifestOf("gts").generation_timestamp).toBe("2025-05-05");
  });

  it("--recipe accepts a path to a recipe folder", () => {
    const dir = join(project, "my_recipe");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "recipe.yaml"),
      "id: my_recipe\ntitle: Mine\nvertical: test\ndescription: My own.\nscheme: toy\nsupported_modes: [student_public]\nsupported_difficulty: [intro]\ndefault_population:\n  n_customers: 12\n",
    );
    const r = run(["generate", "--recipe", "./my_recipe", "--difficulty", "intro", "--json"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({
      recipe_id: "my_recipe",
      tables: { customers: 12 },
    });
    expect(existsSync(join(project, "my_recipe-intro-student_public-seed42/manifest.json"))).toBe(
      true,
    );
    // Without a slash too, when no shipped recipe has that id.
    expect(
      run(["generate", "--recipe", "my_recipe", "--difficulty", "intro", "--out", "mine2", "-q"])
        .code,
    ).toBe(0);
  });
});

describe("generate (bad input)", () => {
  const cases: [string, string[], number, string | RegExp][] = [
    [
      "unknown recipe",
      ["-r", "nope_v1"],
      2,
      /^error: Unknown recipe 'nope_v1'\. Known recipes: .*toy_recipe_v1/,
    ],
    [
      "recipe path that is not a recipe folder",
      ["-r", "../secret"],
      2,
      /error: '.*secret' is not a recipe folder: it has no recipe.yaml/,
    ],
    ["missing --recipe", [], 2, "error: missing required option --recipe <id|path>"],
    [
      "non-integer seed",
      ["-r", "toy_recipe_v1", "--seed", "abc"],
      2,
      "error: option '--seed <n>' argument 'abc' is invalid. Expected a whole number between 0 and 4294967295.",
    ],
    [
      "negative seed",
      ["-r", "toy_recipe_v1", "--seed", "-1"],
      2,
      "Must be between 0 and 4294967295",
    ],
    [
      "bad mode",
      ["-r", "toy_recipe_v1", "--mode", "bogus"],
      2,
      "error: option '--mode <mode>' argument 'bogus' is invalid. Allowed choices are student_public, research_instructor.",
    ],
    [
      "bad difficulty",
      ["-r", "toy_recipe_v1", "--difficulty", "hard"],
      2,
      "Allowed choices are intro, intermediate, advanced.",
    ],
    [
      "bad format",
      ["-r", "toy_recipe_v1", "--format", "xlsx"],
      2,
      "Allowed choices are parquet, csv, both.",
    ],
    [
      "bad split strategy",
      ["-r", "toy_recipe_v1", "--split-strategy", "kfold"],
      2,
      "Allowed choices are grouped, stratified, random.",
    ],
    [
      "zero size",
      ["-r", "toy_recipe_v1", "--n-customers", "0"],
      2,
      "error: option '--n-customers <n>' argument '0' is invalid. Must be between 1 and 100000000.",
    ],
    [
      "size flag of another scheme",
      ["-r", "toy_recipe_v1", "--n-leads", "10"],
      2,
      "error: --n-leads does not apply to recipe 'toy_recipe_v1': scheme 'toy' is sized by n_customers; use --n-customers N.",
    ],
    [
      "parameter flag of another scheme",
      ["-r", "toy_recipe_v1", "--snapshot-day", "10"],
      2,
      "error: --snapshot-day does not apply to recipe 'toy_recipe_v1': scheme 'toy' has no 'snapshot_day'; flags that apply: --n-customers; other keys go in an --override file.",
    ],
    [
      "both size flags",
      ["-r", "toy_recipe_v1", "--n-leads", "10", "--n-customers", "10"],
      2,
      /cannot be used with option '--n-customers/,
    ],
    [
      "bad timestamp",
      ["-r", "toy_recipe_v1", "--generation-timestamp", "yesterday"],
      2,
      "Expected an ISO 8601 date or timestamp",
    ],
    [
      "missing override file",
      ["-r", "toy_recipe_v1", "--override", "missing.yaml"],
      2,
      "error: override file not found: missing.yaml",
    ],
    [
      "missing manifest",
      ["--from-manifest", "nowhere/manifest.json"],
      2,
      "error: manifest not found: nowhere/manifest.json",
    ],
  ];
  for (const [name, args, code, message] of cases) {
    it(`${name} → exit ${code}`, () => {
      const r = run(["generate", ...args]);
      expect(r.code).toBe(code);
      if (typeof message === "string") expect(r.stderr).toContain(message);
      else expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout).toBe("");
    });
  }

  it("an override file with an unknown key names it and the allowed keys", () => {
    writeFileSync(join(project, "bad-ov.yaml"), "n_leeds: 5\n");
    const r = run(["generate", "-r", "toy_recipe_v1", "--override", "bad-ov.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: override file bad-ov.yaml: unknown key 'n_leeds'; allowed keys: .*n_customers/,
    );
  });

  it("an override file that is not a mapping is refused", () => {
    writeFileSync(join(project, "list-ov.yaml"), "- 1\n- 2\n");
    const r = run(["generate", "-r", "toy_recipe_v1", "--override", "list-ov.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("must contain a mapping of config keys");
  });

  it("a recipe whose scheme_version the installed scheme does not satisfy is refused", () => {
    const dir = join(project, "future_recipe");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "recipe.yaml"),
      "id: future_recipe\ntitle: F\nvertical: t\ndescription: d\nscheme: toy\nscheme_version: ^2.0.0\nsupported_modes: [student_public]\nsupported_difficulty: [intro]\n",
    );
    const r = run(["generate", "-r", "./future_recipe"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: recipe 'future_recipe' needs @fixture/scheme-toy@^2.0.0, but 1.2.3 is installed; install a matching version: pnpm add @fixture/scheme-toy@^2.0.0 (or: npm install @fixture/scheme-toy@^2.0.0)\n",
    );
  });

  it("a recipe folder whose scheme package is missing names the package with the recipe's range", () => {
    mkdirSync(join(project, "renewals_v1"), { recursive: true });
    writeFileSync(
      join(project, "renewals_v1/recipe.yaml"),
      "id: renewals_v1\ntitle: R\nvertical: t\ndescription: d\nscheme: renewals\nscheme_version: ^3.1.0\nsupported_modes: [student_public]\nsupported_difficulty: [intro]\n",
    );
    const r = run(["generate", "-r", "./renewals_v1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: Recipe 'renewals_v1' needs generation scheme 'renewals', which is not installed; install @leadforge/scheme-renewals: pnpm add @leadforge/scheme-renewals@^3.1.0 (or: npm install @leadforge/scheme-renewals@^3.1.0)\n",
    );
  });

  it("--debug adds the stack trace", () => {
    const r = run(["generate", "-r", "nope_v1", "--debug"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe("inspect and list-recipes (toy scheme)", () => {
  it("inspect prints the summary and --json parses", () => {
    expect(
      run(["generate", "-r", "toy_recipe_v1", "--seed", "8", "--out", "insp", "-q"]).code,
    ).toBe(0);
    const plain = run(["inspect", "insp"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(
      "Scheme:        toy (@fixture/scheme-toy 1.2.3; same version installed)",
    );
    expect(plain.stdout).toContain("Seed:          8");
    expect(plain.stdout).toMatch(/customers\s+40 rows/);
    expect(plain.stdout).toMatch(/train=\d+ {2}valid=\d+ {2}test=\d+/);
    expect(plain.stdout).toMatch(/label rate: train=0\.\d{3}/);
    expect(plain.stdout).toMatch(/Files:\s+7 listed, all intact/);
    expect(() => JSON.parse(plain.stdout)).toThrow();
    const j = run(["inspect", "insp", "--json"]);
    const s = JSON.parse(j.stdout);
    expect(s).toMatchObject({
      recipe_id: "toy_recipe_v1",
      seed: 8,
      scheme: { name: "toy", version: "1.2.3", installed_version: "1.2.3" },
      tables: { customers: 40 },
      metadata: false,
      integrity: { listed: 7, intact: 7, modified: [], missing: [], extra: [] },
    });
    expect(
      s.tasks.will_buy.rows.train + s.tasks.will_buy.rows.valid + s.tasks.will_buy.rows.test,
    ).toBe(40);
    expect(s.manifest).toEqual(manifestOf("insp"));
  });

  it("inspect reports edited, missing and extra files at a glance", () => {
    expect(run(["generate", "-r", "toy_recipe_v1", "--out", "tamper", "-q"]).code).toBe(0);
    writeFileSync(join(project, "tamper/dataset_card.md"), "edited\n");
    rmSync(join(project, "tamper/feature_dictionary.csv"));
    writeFileSync(join(project, "tamper/notes.txt"), "x");
    const j = JSON.parse(run(["inspect", "tamper", "--json"]).stdout);
    expect(j.integrity).toMatchObject({
      modified: ["dataset_card.md"],
      missing: ["feature_dictionary.csv"],
      extra: ["notes.txt"],
    });
    const plain = run(["inspect", "tamper"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(
      "5/7 intact; modified: dataset_card.md; missing: feature_dictionary.csv; extra: notes.txt",
    );
  });

  it("inspect shows a reference-era (Python, schema 6) manifest field by field", () => {
    expect(run(["generate", "-r", "toy_recipe_v1", "--out", "legacy", "-q"]).code).toBe(0);
    const m = manifestOf("legacy") as Record<string, unknown>;
    for (const k of [
      "scheme_package",
      "core_version",
      "rng_algorithm",
      "split_strategy",
      "files",
      "config",
      "config_sha256",
    ]) {
      delete m[k];
    }
    writeFileSync(
      join(project, "legacy/manifest.json"),
      JSON.stringify({ ...m, n_leads: 40, snapshot_day: null }),
    );
    const r = run(["inspect", "legacy"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Manifest:\s+not this leadforge's schema \(scheme_package: got nothing; expected object\)/,
    );
    expect(r.stdout).toMatch(/Scheme:\s+toy \(package 1\.2\.3\)/);
    expect(r.stdout).toMatch(/Core:\s+\?/);
    expect(r.stdout).toMatch(/snapshot_day:\s+null/);
    expect(r.stdout).toMatch(/Files:\s+4 hashed \(tables and splits only\), all intact/);
    const j = JSON.parse(run(["inspect", "legacy", "--json"]).stdout);
    expect(j.schema_issue).toContain("scheme_package");
    expect(j.integrity.extra).toEqual([]);
  });

  it("inspect on a file or a folder without manifest is a usage error", () => {
    writeFileSync(join(project, "file.txt"), "x");
    const f = run(["inspect", "file.txt"]);
    expect(f.code).toBe(2);
    expect(f.stderr).toBe("error: not a directory (expected a bundle folder): file.txt\n");
    mkdirSync(join(project, "empty"), { recursive: true });
    const e = run(["inspect", "empty"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toBe("error: not a bundle: empty has no manifest.json\n");
  });

  it("list-recipes lists the toy recipe; --json parses", () => {
    const r = run(["list-recipes"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/toy_recipe_v1\s+toy\s+1\.2\.3\s+will_buy\s+Toy recipe/);
    const v = run(["list-recipes", "--verbose"]);
    expect(v.stdout).toContain("population:   n_customers=40 (size flag: --n-customers)");
    const j = JSON.parse(run(["list-recipes", "--json"]).stdout);
    const toy = j.recipes.find((x: { id: string }) => x.id === "toy_recipe_v1");
    expect(toy).toMatchObject({
      scheme: "toy",
      scheme_version: "1.2.3",
      installed: true,
      size_param: "n_customers",
    });
  });

  it("a LEADFORGE_SCHEMES package that is not installed is reported with its install command", () => {
    const r = run(["list-recipes"], {
      LEADFORGE_SCHEMES: "@fixture/scheme-toy,@acme/scheme-nothing",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "@acme/scheme-nothing (from LEADFORGE_SCHEMES) is not installed: pnpm add @acme/scheme-nothing",
    );
  });
});
