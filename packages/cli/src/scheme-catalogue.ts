import { schemePackageName } from "@leadforge/core";

/** A scheme the CLI knows by name even when its package is not installed. */
export interface KnownScheme {
  /** Registry name. */
  readonly name: string;
  /** npm package that ships it. */
  readonly packageName: string;
}

/** A built-in recipe the CLI can name even when its scheme is not installed. */
export interface KnownRecipe {
  /** Recipe id. */
  readonly id: string;
  /** Scheme that renders it. */
  readonly scheme: string;
  /** Human title (for `list-recipes`). */
  readonly title: string;
}

/** The schemes that ship with leadforge. Others can be added with `LEADFORGE_SCHEMES`. */
export const BUILTIN_SCHEMES: readonly KnownScheme[] = ["lead_scoring", "lifecycle"].map(
  (name) => ({ name, packageName: schemePackageName(name) }),
);

/**
 * The recipes the built-in schemes ship. Kept here (not read from the packages) so the CLI
 * can list a recipe and print the install command when its scheme is missing.
 */
export const BUILTIN_RECIPES: readonly KnownRecipe[] = [
  {
    id: "b2b_saas_ltv_v1",
    scheme: "lifecycle",
    title: "B2B SaaS customer lifetime value",
  },
  {
    id: "b2b_saas_procurement_v1",
    scheme: "lead_scoring",
    title: "B2B SaaS procurement lead scoring",
  },
];

/** Scheme package names from `LEADFORGE_SCHEMES` (comma-separated), trimmed, deduplicated. */
export function extraSchemePackages(env: Readonly<Record<string, string | undefined>>): string[] {
  const raw = env.LEADFORGE_SCHEMES ?? "";
  return [
    ...new Set(
      raw
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ];
}
