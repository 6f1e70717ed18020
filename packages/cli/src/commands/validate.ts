import { type Finding, formatFindings, summarizeFindings } from "@leadforge/core";
import type { CliIo } from "../cli-io.js";
import { loadCoreNode } from "../core-node.js";
import { installCommand } from "../install-hint.js";
import { loadBundleScheme } from "../load-bundle-scheme.js";
import { checkBundleArg } from "../open-bundle-arg.js";

/** Flags of `leadforge validate`. */
export interface ValidateFlags {
  readonly json?: boolean;
  readonly strict?: boolean;
}

/**
 * `leadforge validate BUNDLE`: core's `validateBundle` with the bundle's own scheme loaded
 * (so its checks run). Exit 0 when the bundle passes, 1 when any error (or, with `--strict`,
 * any warning) is found.
 */
export async function runValidate(
  bundleArg: string,
  flags: ValidateFlags,
  io: CliIo,
): Promise<number> {
  const root = await checkBundleArg(bundleArg, io.cwd);
  const bs = await loadBundleScheme(root, io);
  const strict = flags.strict ?? false;
  const { validateBundle } = await loadCoreNode();
  const result = await validateBundle(root, { registry: bs.registry, strict });
  const extra: Finding[] = [];
  if (bs.scheme === undefined && bs.recorded.name && !bs.trusted) {
    extra.push({
      severity: "warning",
      code: "scheme_not_trusted",
      message: `the manifest names scheme package ${bs.recorded.name}, which is not a known scheme package, so it was not loaded and its own checks were skipped; to run them, name it in LEADFORGE_SCHEMES`,
    });
  } else if (bs.scheme === undefined && bs.recorded.name) {
    extra.push({
      severity: "warning",
      code: "scheme_not_installed",
      message: `scheme '${bs.name}' (${bs.recorded.name}) is not installed, so its own checks were skipped; install it: ${installCommand(bs.recorded.name, bs.recorded.version)}`,
    });
  } else if (bs.scheme && bs.scheme.version !== bs.recorded.version) {
    extra.push({
      severity: "info",
      code: "scheme_version_differs",
      message: `bundle was written by ${bs.recorded.name} ${bs.recorded.version}; scheme checks ran with the installed ${bs.scheme.version}`,
    });
  }
  const final = extra.length ? summarizeFindings([...extra, ...result.findings], strict) : result;
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ path: root, ...final }, null, 2)}\n`);
  } else {
    io.stdout.write(`Bundle: ${bundleArg}\n${formatFindings(final)}`);
  }
  return final.ok ? 0 : 1;
}
