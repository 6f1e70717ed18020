import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The monorepo root. */
export const REPO_ROOT = resolve(here, "../../..");
/** The built `leadforge` executable. */
export const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");

/** What a CLI run printed and returned. */
export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options for {@link runCliBin}. */
export interface RunBinOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  /** Path of the bin to run. @default BIN */
  readonly bin?: string;
}

function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // Never inherit the developer's own settings. NODE_PATH (set by vitest/pnpm, pointing at
  // hoisted packages) is kept on purpose: the CLI must not find scheme packages through it.
  for (const k of ["LEADFORGE_SCHEMES", "SOURCE_DATE_EPOCH", "LEADFORGE_DEBUG", "FORCE_COLOR"]) {
    if (!(k in extra)) delete env[k];
  }
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

/** Run the built binary as a subprocess (stdout and stderr are pipes, so not a TTY). */
export function runCliBin(args: readonly string[], opts: RunBinOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [opts.bin ?? BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: childEnv(opts.env),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Start the built binary without waiting (for interrupt tests). */
export function startCliBin(args: readonly string[], opts: RunBinOptions = {}) {
  return spawn(process.execPath, [opts.bin ?? BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: childEnv(opts.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** A fresh temporary folder. */
export function makeTmp(prefix = "leadforge-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A temporary user project whose node_modules holds @leadforge/core (linked to the workspace
 * package) and the toy scheme fixture (copied): the layout a user with their own scheme has.
 */
export function makeToyProject(): string {
  const dir = makeTmp("leadforge-toy-");
  writeFileSync(join(dir, "package.json"), '{ "name": "toy-project", "private": true }\n');
  mkdirSync(join(dir, "node_modules/@leadforge"), { recursive: true });
  mkdirSync(join(dir, "node_modules/@fixture"), { recursive: true });
  symlinkSync(join(REPO_ROOT, "packages/core"), join(dir, "node_modules/@leadforge/core"), "dir");
  cpSync(join(here, "fixtures/scheme-toy"), join(dir, "node_modules/@fixture/scheme-toy"), {
    recursive: true,
  });
  return dir;
}

/** Environment that makes the CLI load the toy scheme. */
export const TOY_ENV = { LEADFORGE_SCHEMES: "@fixture/scheme-toy" } as const;
