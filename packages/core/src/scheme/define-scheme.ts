import { InvalidConfigError } from "../errors/errors.js";
import { type GenerationScheme, SCHEME_BRAND, SCHEME_PROTOCOL_VERSION } from "./types.js";

/** A scheme definition before branding. */
export type SchemeDefinition<TParams, TWorld, TNarrative, TProfile> = Omit<
  GenerationScheme<TParams, TWorld, TNarrative, TProfile>,
  typeof SCHEME_BRAND | "protocolVersion" | "validators"
> & { readonly validators?: GenerationScheme["validators"] };

/**
 * Declare a generation scheme. Pure: brands and freezes the definition so the registry and
 * the CLI can recognise it even across two copies of core.
 */
export function defineScheme<TParams, TWorld, TNarrative, TProfile>(
  def: SchemeDefinition<TParams, TWorld, TNarrative, TProfile>,
): GenerationScheme<TParams, TWorld, TNarrative, TProfile> {
  if (!/^[a-z][a-z0-9_]*$/.test(def.name)) {
    throw new InvalidConfigError(`scheme name must be snake_case, got '${def.name}'`);
  }
  return Object.freeze({
    ...def,
    validators: def.validators ?? [],
    protocolVersion: SCHEME_PROTOCOL_VERSION,
    [SCHEME_BRAND]: true as const,
  });
}

/** True when `value` is a scheme made by `defineScheme` (any copy of core). */
export function isScheme(value: unknown): value is GenerationScheme {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<symbol, unknown>)[SCHEME_BRAND] === true &&
    typeof (value as { name?: unknown }).name === "string"
  );
}
