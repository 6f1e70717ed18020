// Packaging promise (issue 7): each package packs to a tarball that installs on its own;
// a user who installs only core + one scheme gets that scheme registered on import and
// bundles whose bytes equal the workspace goldens; asking for the other scheme names the
// install command. The CLI with only lead scoring installed generates lead-scoring bundles
// and refuses lifecycle recipes with the install command. Needs the npm registry for the
// packages' third-party dependencies (zod, apache-arrow, parquet-wasm, …).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listBundleFiles } from "@leadforge/core/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers.js";

const PACKAGES = ["core", "scheme-lead-scoring", "scheme-lifecycle", "cli"] as const;
let work: string;
const tarballs: Record<string, string> = {};

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

async function project(name: string, deps: (typeof PACKAGES)[number][]): Promise<string> {
  const dir = join(work, name);
  const dependencies = Object.fromEntries(
    deps.map((d) => [
      d === "core" ? "@leadforge/core" : d === "cli" ? "@leadforge/cli" : `@leadforge/${d}`,
      `file:${tarballs[d]}`,
    ]),
  );
  execFileSync("mkdir", ["-p", dir]);
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name, private: true, type: "module", dependencies }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], dir);
  return dir;
}

async function hashes(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listBundleFiles(root)) {
    if (f === "manifest.json") continue;
    out[f] = createHash("sha256")
      .update(await readFile(join(root, f)))
      .digest("hex");
  }
  return out;
}

async function golden(pkg: string, file: string): Promise<Record<string, string>> {
  const g = JSON.parse(
    await readFile(join(REPO_ROOT, "packages", pkg, "test", "golden", file), "utf8"),
  );
  return g.files;
}

const API_SCRIPT = (recipe: string, options: Record<string, unknown>, other: string) => `
import { generateBundle, getScheme, listSchemes } from "@leadforge/core";
import { writeBundle } from "@leadforge/core/node";
import ${JSON.stringify(`@leadforge/scheme-${recipe === "b2b_saas_procurement_v1" ? "lead-scoring" : "lifecycle"}`)};
const bundle = generateBundle({ recipe: ${JSON.stringify(recipe)}, options: ${JSON.stringify(options)} });
await writeBundle({ bundle, outDir: process.argv[2] });
let hint = "";
try { getScheme(${JSON.stringify(other)}); } catch (e) { hint = e.message; }
console.log(JSON.stringify({ schemes: listSchemes().map((s) => s.name), hint }));
`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "lf-pack-"));
  for (const p of PACKAGES) {
    const out = run(
      "pnpm",
      ["pack", "--pack-destination", work],
      join(REPO_ROOT, "packages", p),
    ).trim();
    tarballs[p] = out.split("\n").pop()!.trim();
  }
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("pack and install", () => {
  it("installs core + lead scoring only: registers on import, matches the goldens, hints at lifecycle", async () => {
    const dir = await project("only-lead-scoring", ["core", "scheme-lead-scoring"]);
    await writeFile(
      join(dir, "gen.mjs"),
      API_SCRIPT(
        "b2b_saas_procurement_v1",
        { seed: 42, exposure_mode: "student_public", n_leads: 300 },
        "lifecycle",
      ),
    );
    const out = JSON.parse(run("node", ["gen.mjs", join(dir, "bundle")], dir));
    expect(out.schemes).toEqual(["lead_scoring"]);
    expect(out.hint).toMatch(
      /Unknown generation scheme 'lifecycle'.*pnpm add @leadforge\/scheme-lifecycle/,
    );
    expect(await hashes(join(dir, "bundle"))).toEqual(
      await golden("scheme-lead-scoring", "seed-42-student_public.json"),
    );
  }, 300_000);

  it("installs core + lifecycle only: registers on import, matches the goldens, hints at lead scoring", async () => {
    const dir = await project("only-lifecycle", ["core", "scheme-lifecycle"]);
    await writeFile(
      join(dir, "gen.mjs"),
      API_SCRIPT(
        "b2b_saas_ltv_v1",
        {
          seed: 42,
          exposure_mode: "student_public",
          n_customers: 150,
          difficulty: "intermediate",
          oracle_replicates: 4,
        },
        "lead_scoring",
      ),
    );
    const out = JSON.parse(run("node", ["gen.mjs", join(dir, "bundle")], dir));
    expect(out.schemes).toEqual(["lifecycle"]);
    expect(out.hint).toMatch(/pnpm add @leadforge\/scheme-lead-scoring/);
    expect(await hashes(join(dir, "bundle"))).toEqual(
      await golden("scheme-lifecycle", "seed-42-student_public.json"),
    );
  }, 300_000);

  it("runs the CLI with only lead scoring installed and names the install command for lifecycle", async () => {
    const dir = await project("cli-lead-scoring", ["core", "scheme-lead-scoring", "cli"]);
    const bin = join(dir, "node_modules", ".bin", "leadforge");
    run(
      bin,
      [
        "generate",
        "--recipe",
        "b2b_saas_procurement_v1",
        "--n-leads",
        "300",
        "--out",
        "b",
        "--json",
      ],
      dir,
    );
    expect(await hashes(join(dir, "b"))).toEqual(
      await golden("scheme-lead-scoring", "seed-42-student_public.json"),
    );
    let stderr = "";
    let status = 0;
    try {
      run(bin, ["generate", "--recipe", "b2b_saas_ltv_v1", "--out", "c"], dir);
    } catch (e) {
      const err = e as { stderr: string; status: number };
      stderr = err.stderr;
      status = err.status;
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/@leadforge\/scheme-lifecycle/);
    expect(stderr).toMatch(/npm install|pnpm add/);
  }, 300_000);
});
