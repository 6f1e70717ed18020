import { createExposureProvider } from "./check-exposure.js";
import { createForeignKeyProvider } from "./check-foreign-keys.js";
import { createSchemaProvider } from "./check-schemas.js";
import { createSplitProvider, type SplitProviderOptions } from "./check-splits.js";
import { createValueProvider } from "./check-values.js";
import {
  createJoinProbeProvider,
  type JoinProbeOptions,
} from "./probes/create-join-probe-provider.js";
import {
  createSplitProbeProvider,
  type SplitProbeOptions,
} from "./probes/create-split-probe-provider.js";
import type { ValidationProvider } from "./types.js";

/** Options of {@link coreValidationProviders}. */
export interface CoreValidationOptions {
  /** Split checks (e.g. a custom row → group resolver). */
  readonly splits?: SplitProviderOptions;
  /** Split-level probe thresholds. */
  readonly splitProbes?: SplitProbeOptions;
  /** Join-reconstruction probe options, or false to skip it. */
  readonly joinProbe?: JoinProbeOptions | false;
}

/**
 * The scheme-independent checks core runs on every bundle, in order: schema drift,
 * foreign keys, exposure contract, splits, values, split probes, join-reconstruction probe.
 * (File integrity — hashes, missing and unlisted files — runs first, in `validateBundle`.)
 */
export function coreValidationProviders(options: CoreValidationOptions = {}): ValidationProvider[] {
  return [
    createSchemaProvider(),
    createForeignKeyProvider(),
    createExposureProvider(),
    createSplitProvider(options.splits),
    createValueProvider(),
    createSplitProbeProvider(options.splitProbes),
    ...(options.joinProbe === false ? [] : [createJoinProbeProvider(options.joinProbe)]),
  ];
}
