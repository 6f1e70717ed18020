import { LeadforgeError } from "@leadforge/core";
import type { CliIo } from "../cli-io.js";
import { checkBundleArg } from "../open-bundle-arg.js";

/** Flags of `leadforge validate`. */
export interface ValidateFlags {
  readonly json?: boolean;
  readonly strict?: boolean;
}

/** `leadforge validate BUNDLE`: front end over core's bundle validation. */
export async function runValidate(
  bundleArg: string,
  _flags: ValidateFlags,
  io: CliIo,
): Promise<number> {
  await checkBundleArg(bundleArg, io.cwd);
  // Wired to validateBundle from @leadforge/core/node once it lands.
  throw new LeadforgeError(
    "NOT_AVAILABLE",
    "validate is not available yet: this @leadforge/core has no validateBundle. Use 'leadforge inspect' for a file-integrity check meanwhile.",
  );
}
