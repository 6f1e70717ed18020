import {
  DIFFICULTY_TIERS,
  EXPOSURE_MODES,
  isLeadforgeError,
  listRecipes,
  OUTPUT_FORMATS,
  SPLIT_STRATEGIES,
} from "@leadforge/core";
import { Command, CommanderError, Option } from "commander";
import type { CliIo } from "./cli-io.js";
import { cliPackage } from "./cli-package.js";
import { COMPLETION_SHELLS, runCompletion } from "./commands/completion.js";
import { type GenerateFlags, type GenerateHooks, runGenerate } from "./commands/generate.js";
import { type InspectFlags, runInspect } from "./commands/inspect.js";
import { type ListRecipesFlags, runListRecipes } from "./commands/list-recipes.js";
import { type ReportFlags, runReport } from "./commands/report.js";
import { runValidate, type ValidateFlags } from "./commands/validate.js";
import { runVersion } from "./commands/version.js";
import { loadSchemes } from "./load-scheme.js";
import { intParser, isoTimestampParser } from "./parse-flags.js";
import { BUILTIN_RECIPES } from "./scheme-catalogue.js";
import { SCHEME_FLAGS } from "./scheme-flags.js";

/** Exit codes of the `leadforge` command. */
export const EXIT_CODES = {
  /** Success (also `--help`, `--version`, bare `leadforge`). */
  ok: 0,
  /** A failure: validation findings, I/O, an internal error. */
  failure: 1,
  /** A usage error: bad flag, bad value, unknown recipe, scheme not installed, output exists. */
  usage: 2,
  /** Interrupted (Ctrl-C); no partial bundle is left. */
  interrupted: 130,
} as const;

/** Options for {@link runCli}. */
export interface RunCliOptions extends Partial<CliIo> {
  /** Interrupt hooks from the process entry point (see `GenerateHooks`). */
  readonly hooks?: GenerateHooks;
}

const DESCRIPTION =
  "Generate synthetic CRM and go-to-market datasets from simulated commercial worlds.";

function createProgram(io: CliIo, hooks: GenerateHooks, result: { code: number }): Command {
  const program = new Command("leadforge")
    .description(DESCRIPTION)
    .option("--debug", "print stack traces for errors")
    .option("-V, --version", "print the versions of the CLI, core and installed schemes")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s),
    })
    .showSuggestionAfterError(true);
  const set = (p: Promise<number> | number) =>
    Promise.resolve(p).then((c) => {
      result.code = c;
    });

  program
    .command("list-recipes")
    .description("list recipes of the installed schemes (and how to install missing ones)")
    .option("--json", "print JSON")
    .option("--verbose", "show each recipe's description, modes, tiers and default population")
    .action((flags: ListRecipesFlags) => set(runListRecipes(flags, io)));

  const generate = program.command("generate");
  generate
    .description("generate a bundle from a recipe")
    .option("-r, --recipe <id|path>", "recipe id (see list-recipes) or a path to a recipe folder")
    .option(
      "--seed <n>",
      "root seed, 0 to 4294967295 (default: 42)",
      intParser({ min: 0, max: 4_294_967_295 }),
    )
    .addOption(
      new Option("--mode <mode>", "exposure mode (default: student_public)").choices(
        EXPOSURE_MODES,
      ),
    )
    .addOption(
      new Option("--difficulty <tier>", "difficulty tier (default: intermediate)").choices(
        DIFFICULTY_TIERS,
      ),
    );
  // Scheme parameter flags, listed after the tier; each is checked against the
  // recipe's scheme at run time.
  for (const f of SCHEME_FLAGS) {
    const opt = new Option(f.flags, f.description);
    if (f.minInt !== undefined) opt.argParser(intParser({ min: f.minInt, max: 100_000_000 }));
    if (f.key === "n_leads") opt.conflicts("nCustomers");
    generate.addOption(opt);
  }
  generate
    .option("--override <file>", "YAML/JSON file of flat config keys; flags given win over it")
    .addOption(
      new Option("--format <format>", "file format of tables and tasks (default: parquet)").choices(
        OUTPUT_FORMATS,
      ),
    )
    .addOption(
      new Option(
        "--split-strategy <strategy>",
        "how task rows are split (default: grouped by account)",
      ).choices(SPLIT_STRATEGIES),
    )
    .option(
      "--generation-timestamp <iso>",
      "timestamp recorded in the manifest (default: SOURCE_DATE_EPOCH, else none)",
      isoTimestampParser,
    )
    .option(
      "--from-manifest <file>",
      "regenerate from a bundle's manifest.json (same recipe and config; needs the same scheme version)",
    )
    .option(
      "--workers <n>",
      "threads for world building and Parquet encoding (default: all cores from 5,000 units up; same bytes for any value)",
      intParser({ min: 1, max: 256 }),
    )
    .option("-o, --out <dir>", "output folder (default: ./<recipe>-<tier>-<mode>-seed<seed>)")
    .option("--force", "replace a non-empty output folder")
    .option("--json", "print a JSON summary; no progress display")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText(
      "after",
      `
Precedence: flags given > --override file > recipe > defaults.

Examples:
  leadforge generate --recipe b2b_saas_procurement_v1 --difficulty intro --seed 7
  leadforge generate --recipe b2b_saas_ltv_v1 --n-customers 5000 --format both --out ./ltv
  leadforge generate --recipe ./my_recipe_v1 --override overrides.yaml
  leadforge generate --from-manifest ./ltv/manifest.json --out ./ltv-again`,
    )
    .action((flags: GenerateFlags) => set(runGenerate(flags, io, hooks)));

  program
    .command("inspect")
    .description("summarise a bundle: scheme, recipe, config, row counts, tasks, file integrity")
    .argument("<bundle>", "bundle folder")
    .option("--json", "print JSON")
    .action((bundle: string, flags: InspectFlags) => set(runInspect(bundle, flags, io)));

  program
    .command("validate")
    .description("check a bundle: hashes, schema, foreign keys, leakage, scheme checks")
    .argument("<bundle>", "bundle folder")
    .option("--json", "print findings as JSON")
    .option("--strict", "fail on warnings too")
    .action((bundle: string, flags: ValidateFlags) => set(runValidate(bundle, flags, io)));

  program
    .command("report")
    .description("write a quality report (learnability, baselines) for a bundle")
    .argument("<bundle>", "bundle folder")
    .option("-o, --out <dir>", "report folder (default: <bundle>-report)")
    .option("--oracle <bundle>", "research_instructor bundle of the same seed, for oracle scores")
    .option("--json", "print the report's paths and headline metrics as JSON")
    .action((bundle: string, flags: ReportFlags) => set(runReport(bundle, flags, io)));

  program
    .command("completion")
    .description("print a shell completion script (bash or zsh)")
    .argument("<shell>", COMPLETION_SHELLS.join(" | "))
    .action(async (shell: string) => {
      const { registry } = await loadSchemes({ env: io.env, cwd: io.cwd });
      const ids = [
        ...new Set([
          ...listRecipes(registry).map((r) => r.id),
          ...BUILTIN_RECIPES.map((r) => r.id),
        ]),
      ].sort();
      await set(runCompletion(shell, program, ids, io));
    });

  return program;
}

function wantsVersion(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === "--version" || a === "-V") return true;
    if (!a.startsWith("-")) return false;
  }
  return false;
}

/**
 * Run the `leadforge` command in-process and return its exit code. Everything it touches
 * comes through `options` (defaults: the real process), so tests can call it directly.
 * Errors become one `error: …` line on stderr (a stack trace only with `--debug` or
 * `LEADFORGE_DEBUG=1`); exit 2 for usage errors, 1 for failures, 130 when interrupted.
 */
export async function runCli(
  argv: readonly string[],
  options: RunCliOptions = {},
): Promise<number> {
  const io: CliIo = {
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const debug = argv.includes("--debug") || io.env.LEADFORGE_DEBUG === "1";
  const result = { code: EXIT_CODES.ok as number };
  try {
    if (wantsVersion(argv)) return await runVersion(io);
    const program = createProgram(io, options.hooks ?? {}, result);
    if (argv.filter((a) => a !== "--debug").length === 0) {
      io.stdout.write(program.helpInformation());
      return EXIT_CODES.ok;
    }
    await program.parseAsync([...argv], { from: "user" });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message (help, or "error: …").
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    if (isLeadforgeError(error) && error.code === "CANCELLED") {
      // On a terminal the cursor sits after "^C"; start the message on its own line.
      io.stderr.write(`${io.stderr.isTTY ? "\n" : ""}error: ${error.message}\n`);
      return EXIT_CODES.interrupted;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (isLeadforgeError(error)) {
      io.stderr.write(`error: ${message}\n`);
    } else {
      io.stderr.write(
        `error: internal error: ${message}${debug ? "" : " (run with --debug for the stack trace, and please report it)"}\n`,
      );
    }
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return isLeadforgeError(error) && error.isUsageError ? EXIT_CODES.usage : EXIT_CODES.failure;
  }
}

/** The CLI's package version. */
export function cliVersion(): string {
  return cliPackage().version;
}
