import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BIN, runCliBin } from "./helpers.js";

describe("leadforge (global behaviour)", () => {
  it("prints help and exits 0 when run bare", () => {
    const r = runCliBin([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: leadforge");
    for (const cmd of ["list-recipes", "generate", "inspect", "validate", "report", "completion"]) {
      expect(r.stdout).toContain(cmd);
    }
  });

  it("--help exits 0", () => {
    const r = runCliBin(["generate", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--n-customers");
    expect(r.stdout).toContain("--from-manifest");
  });

  it("the bin starts with a shebang and is executable", () => {
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it("--version lists the CLI, core and the scheme packages", () => {
    const r = runCliBin(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^leadforge \d+\.\d+\.\d+/);
    expect(r.stdout).toMatch(/@leadforge\/cli\s+\d+\.\d+\.\d+/);
    expect(r.stdout).toMatch(/@leadforge\/core\s+\d+\.\d+\.\d+/);
    expect(r.stdout).toContain("@leadforge/scheme-lead-scoring");
    expect(r.stdout).toContain("@leadforge/scheme-lifecycle");
    expect(runCliBin(["-V"]).stdout).toBe(r.stdout);
  });

  it("an unknown command exits 2 with one error line", () => {
    const r = runCliBin(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown command 'frobnicate'/);
  });

  it("an unknown option exits 2 and suggests the right one", () => {
    const r = runCliBin(["generate", "--sede", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: unknown option '--sede'");
    expect(r.stderr).toContain("--seed");
  });

  it("a missing positional argument exits 2", () => {
    const r = runCliBin(["inspect"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: missing required argument 'bundle'");
  });

  it("completion bash and zsh print scripts; an unknown shell exits 2", () => {
    const bash = runCliBin(["completion", "bash"]);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain("complete -o filenames -F _leadforge leadforge");
    expect(bash.stdout).toContain("student_public research_instructor");
    expect(bash.stdout).toContain("b2b_saas_procurement_v1");
    // The script parses, and completing `leadforge generate --mode s` offers student_public.
    const probe = spawnSync(
      "bash",
      [
        "-c",
        `${bash.stdout}\nCOMP_WORDS=(leadforge generate --mode s); COMP_CWORD=3; _leadforge; echo "\${COMPREPLY[*]}"`,
      ],
      { encoding: "utf8" },
    );
    expect(probe.stderr).toBe("");
    expect(probe.stdout.trim()).toBe("student_public");
    const zsh = runCliBin(["completion", "zsh"]);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout.startsWith("#compdef leadforge")).toBe(true);
    const bad = runCliBin(["completion", "fish"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("error: completion: unsupported shell 'fish'; allowed: bash, zsh");
  });

  it("validate and report on a missing folder are usage errors", () => {
    for (const cmd of ["inspect", "validate", "report"]) {
      const r = runCliBin([cmd, "/nonexistent/bundle"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("error: bundle folder not found: /nonexistent/bundle\n");
    }
  });
});
