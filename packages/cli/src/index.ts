// Public surface of @leadforge/cli: run the command in-process, and the scheme loader it uses.
export type { CliIo, CliStream } from "./cli-io.js";
export { bashCompletion } from "./commands/completion.js";
export { installCommand } from "./install-hint.js";
export {
  type LoadedSchemes,
  type LoadSchemePackageOptions,
  type LoadSchemeResult,
  type LoadSchemesOptions,
  loadSchemePackage,
  loadSchemes,
} from "./load-scheme.js";
export { createProgressDisplay, type ProgressDisplay } from "./progress.js";
export { type ResolvedRecipe, resolveRecipe } from "./resolve-recipe.js";
export { cliVersion, EXIT_CODES, type RunCliOptions, runCli } from "./run-cli.js";
export {
  BUILTIN_RECIPES,
  BUILTIN_SCHEMES,
  type KnownRecipe,
  type KnownScheme,
} from "./scheme-catalogue.js";
