import { LeadforgeError } from "@leadforge/core";
import type { CliIo } from "../cli-io.js";
import { checkBundleArg } from "../open-bundle-arg.js";

/** Flags of `leadforge report`. */
export interface ReportFlags {
  readonly out?: string;
  readonly oracle?: string;
}

/** `leadforge report BUNDLE`: front end over core's quality report. */
export async function runReport(
  bundleArg: string,
  _flags: ReportFlags,
  io: CliIo,
): Promise<number> {
  await checkBundleArg(bundleArg, io.cwd);
  // Wired to writeReport from @leadforge/core/node once it lands.
  throw new LeadforgeError(
    "NOT_AVAILABLE",
    "report is not available yet: this @leadforge/core has no writeReport.",
  );
}
