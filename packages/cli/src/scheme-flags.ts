import { type GenerationScheme, InvalidConfigError } from "@leadforge/core";

/** A `generate` flag that sets one scheme parameter (only valid for schemes that have it). */
export interface SchemeFlag {
  /** Commander flag spec, e.g. `--snapshot-day <n>`. */
  readonly flags: string;
  /** The flat config key it sets. */
  readonly key: string;
  /** Help text. */
  readonly description: string;
  /** Whole number with this minimum; absent for text values. */
  readonly minInt?: number;
}

/**
 * Scheme parameter flags. The size flags come first; the rest are the reference CLI's flags
 * (`--snapshot-day`, …) plus the lifecycle ones it lacked. Each is checked against the
 * recipe's scheme, and its value against the scheme's own params schema.
 */
export const SCHEME_FLAGS: readonly SchemeFlag[] = [
  {
    flags: "--n-leads <n>",
    key: "n_leads",
    description: "number of leads (lead_scoring)",
    minInt: 1,
  },
  {
    flags: "--n-customers <n>",
    key: "n_customers",
    description: "number of customers (lifecycle)",
    minInt: 1,
  },
  {
    flags: "--n-accounts <n>",
    key: "n_accounts",
    description: "number of buyer accounts",
    minInt: 1,
  },
  {
    flags: "--n-contacts <n>",
    key: "n_contacts",
    description: "number of contacts (lead_scoring)",
    minInt: 1,
  },
  {
    flags: "--horizon-days <n>",
    key: "horizon_days",
    description: "days simulated per lead (lead_scoring)",
    minInt: 1,
  },
  {
    flags: "--label-window-days <n>",
    key: "label_window_days",
    description: "label window in days (lead_scoring)",
    minInt: 1,
  },
  {
    flags: "--snapshot-day <n>",
    key: "snapshot_day",
    description: "lead-day the features and public tables are cut at (lead_scoring)",
    minInt: 0,
  },
  {
    flags: "--primary-task <id>",
    key: "primary_task",
    description: "task id / folder name (lead_scoring)",
  },
  {
    flags: "--observation-date <date>",
    key: "observation_date",
    description: "calendar snapshot date, YYYY-MM-DD (lifecycle)",
  },
  {
    flags: "--early-tenure-weeks <n>",
    key: "early_tenure_weeks",
    description: "tenure snapshot in weeks (lifecycle)",
    minInt: 1,
  },
];

/** Commander's camelCase attribute name of a flag (`--n-leads <n>` → `nLeads`). */
export function flagAttribute(flag: SchemeFlag): string {
  const long = flag.flags.split(" ")[0]!.replace(/^--/, "");
  return long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function flagName(flag: SchemeFlag): string {
  return flag.flags.split(" ")[0]!;
}

/**
 * The scheme parameters given as flags, checked against the recipe's scheme: a flag the
 * scheme has no parameter for is a usage error that names the flags that do apply (for the
 * size, the scheme's own size flag).
 */
export function schemeFlagOptions(
  given: Readonly<Record<string, unknown>>,
  scheme: GenerationScheme,
  recipeId: string,
): Record<string, unknown> {
  const keys = Object.keys(scheme.paramsSchema.shape);
  const out: Record<string, unknown> = {};
  for (const flag of SCHEME_FLAGS) {
    const value = given[flagAttribute(flag)];
    if (value === undefined) continue;
    if (!keys.includes(flag.key)) {
      const size = SCHEME_FLAGS.find((f) => f.key === scheme.sizeParam);
      const isSize = flag.key === "n_leads" || flag.key === "n_customers";
      const fix =
        isSize && size
          ? `use ${flagName(size)} N`
          : isSize
            ? `set '${scheme.sizeParam}' in an --override file`
            : `flags that apply: ${
                SCHEME_FLAGS.filter((f) => keys.includes(f.key))
                  .map(flagName)
                  .join(", ") || "(none)"
              }; other keys go in an --override file`;
      throw new InvalidConfigError(
        isSize
          ? `${flagName(flag)} does not apply to recipe '${recipeId}': scheme '${scheme.name}' is sized by ${scheme.sizeParam}; ${fix}.`
          : `${flagName(flag)} does not apply to recipe '${recipeId}': scheme '${scheme.name}' has no '${flag.key}'; ${fix}.`,
      );
    }
    out[flag.key] = value;
  }
  return out;
}
