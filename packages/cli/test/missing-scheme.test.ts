// A user project where only one scheme package is installed: the CLI is copied (not linked)
// into the project's node_modules with core and one scheme linked beside it, so Node's
// resolution from the CLI cannot see the other scheme — exactly an `npm install` without it.
import { cpSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTmp, REPO_ROOT, runCliBin } from "./helpers.js";

function projectWith(present: readonly ("lifecycle" | "lead-scoring")[]): {
  dir: string;
  bin: string;
} {
  const dir = makeTmp("leadforge-partial-");
  writeFileSync(join(dir, "package.json"), '{ "name": "partial", "private": true }\n');
  const nm = join(dir, "node_modules");
  mkdirSync(join(nm, "@leadforge/cli"), { recursive: true });
  const cli = join(REPO_ROOT, "packages/cli");
  cpSync(join(cli, "dist"), join(nm, "@leadforge/cli/dist"), { recursive: true });
  cpSync(join(cli, "package.json"), join(nm, "@leadforge/cli/package.json"));
  for (const dep of ["commander", "semver", "yaml"]) {
    symlinkSync(realpathSync(join(cli, "node_modules", dep)), join(nm, dep), "dir");
  }
  symlinkSync(join(REPO_ROOT, "packages/core"), join(nm, "@leadforge/core"), "dir");
  for (const scheme of present) {
    symlinkSync(
      join(REPO_ROOT, `packages/scheme-${scheme}`),
      join(nm, `@leadforge/scheme-${scheme}`),
      "dir",
    );
  }
  return { dir, bin: join(nm, "@leadforge/cli/dist/bin.js") };
}

describe("a scheme package that is not installed", () => {
  const { dir, bin } = projectWith(["lead-scoring"]);
  const run = (args: string[]) => runCliBin(args, { cwd: dir, bin });
  const hint = "pnpm add @leadforge/scheme-lifecycle (or: npm install @leadforge/scheme-lifecycle)";

  it("list-recipes lists its recipes as not installed, with the install command", () => {
    const r = run(["list-recipes"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/b2b_saas_ltv_v1\s+lifecycle\s+-\s+\(not installed\)/);
    expect(r.stdout).toContain(
      `b2b_saas_ltv_v1 needs @leadforge/scheme-lifecycle, which is not installed: ${hint}`,
    );
    const j = JSON.parse(run(["list-recipes", "--json"]).stdout);
    expect(j.recipes.find((x: { id: string }) => x.id === "b2b_saas_ltv_v1")).toEqual({
      id: "b2b_saas_ltv_v1",
      title: "B2B SaaS customer lifetime value",
      scheme: "lifecycle",
      scheme_package: "@leadforge/scheme-lifecycle",
      scheme_version: null,
      installed: false,
      install: hint,
    });
  });

  it("generate with its recipe is a usage error naming the install command", () => {
    const r = run(["generate", "--recipe", "b2b_saas_ltv_v1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: Recipe 'b2b_saas_ltv_v1' needs generation scheme 'lifecycle', which is not installed; install @leadforge/scheme-lifecycle: ${hint}\n`,
    );
  });

  it("--version says it is not installed", () => {
    const r = run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/@leadforge\/scheme-lifecycle\s+not installed/);
  });
});

describe("no scheme package installed", () => {
  const { dir, bin } = projectWith([]);

  it("list-recipes lists both built-in recipes as not installed; --version says so", () => {
    const r = runCliBin(["list-recipes", "--json"], { cwd: dir, bin });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.recipes.map((x: { id: string; installed: boolean }) => [x.id, x.installed])).toEqual([
      ["b2b_saas_ltv_v1", false],
      ["b2b_saas_procurement_v1", false],
    ]);
    const v = runCliBin(["--version"], { cwd: dir, bin });
    expect(v.stdout).toMatch(/@leadforge\/scheme-lead-scoring\s+not installed/);
    expect(v.stdout).toMatch(/@leadforge\/scheme-lifecycle\s+not installed/);
  });

  it("an unknown recipe lists the known ones with their missing schemes", () => {
    const r = runCliBin(["generate", "-r", "nope"], { cwd: dir, bin });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: Unknown recipe 'nope'. Known recipes: b2b_saas_ltv_v1 (scheme lifecycle not installed), b2b_saas_procurement_v1 (scheme lead_scoring not installed). Run 'leadforge list-recipes', or pass a path to a recipe folder.\n",
    );
  });
});
