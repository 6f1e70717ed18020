import {
  ProtocolMismatchError,
  SchemeConflictError,
  UnknownSchemeError,
} from "../errors/errors.js";
import { isScheme } from "./define-scheme.js";
import { type GenerationScheme, SCHEME_PROTOCOL_VERSION } from "./types.js";

/** A set of registered schemes. */
export interface SchemeRegistry {
  /** Protocol version of the core that created it. */
  readonly protocolVersion: number;
  /** Register a scheme; idempotent for the same object. */
  register(scheme: GenerationScheme): void;
  /** Look a scheme up by name. */
  get(name: string): GenerationScheme;
  /** Whether a name is registered. */
  has(name: string): boolean;
  /** Registered schemes, sorted by name. */
  list(): GenerationScheme[];
}

/** The npm package that ships a scheme name by convention (`lead_scoring` → `@leadforge/scheme-lead-scoring`). */
export function schemePackageName(name: string): string {
  return `@leadforge/scheme-${name.replaceAll("_", "-")}`;
}

/** Create an isolated registry (tests, embedding). */
export function createRegistry(): SchemeRegistry {
  const byName = new Map<string, GenerationScheme>();
  return {
    protocolVersion: SCHEME_PROTOCOL_VERSION,
    register(scheme) {
      if (!isScheme(scheme)) {
        throw new ProtocolMismatchError("registerScheme() needs a scheme made by defineScheme()");
      }
      if (scheme.protocolVersion !== SCHEME_PROTOCOL_VERSION) {
        throw new ProtocolMismatchError(
          `Scheme '${scheme.name}' (${scheme.packageName}@${scheme.version}) speaks scheme protocol ${scheme.protocolVersion}, but this @leadforge/core speaks ${SCHEME_PROTOCOL_VERSION}. Install versions that match.`,
        );
      }
      const existing = byName.get(scheme.name);
      if (existing === scheme) return;
      if (existing !== undefined) {
        throw new SchemeConflictError(
          `A different generation scheme named '${scheme.name}' is already registered (${existing.packageName}@${existing.version}).`,
        );
      }
      byName.set(scheme.name, scheme);
    },
    get(name) {
      const s = byName.get(name);
      if (s) return s;
      const installed = [...byName.keys()].sort();
      const pkg = schemePackageName(name);
      throw new UnknownSchemeError(
        `Unknown generation scheme '${name}'. Registered schemes: [${installed.map((n) => `'${n}'`).join(", ")}]. If it ships as ${pkg}, install it: pnpm add ${pkg} (or npm install ${pkg}).`,
        { details: { name, installed, package: pkg } },
      );
    },
    has(name) {
      return byName.has(name);
    },
    list() {
      return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}

const GLOBAL_KEY = Symbol.for("leadforge.registry");

/**
 * The process-wide default registry. Kept on `globalThis` under a `Symbol.for` key so two
 * copies of core still share one registry; created lazily so importing core has no side effect.
 */
export function getDefaultRegistry(): SchemeRegistry {
  const g = globalThis as Record<symbol, SchemeRegistry | undefined>;
  let reg = g[GLOBAL_KEY];
  if (reg === undefined) {
    reg = createRegistry();
    g[GLOBAL_KEY] = reg;
  } else if (reg.protocolVersion !== SCHEME_PROTOCOL_VERSION) {
    throw new ProtocolMismatchError(
      `Two incompatible copies of @leadforge/core are loaded (scheme protocol ${reg.protocolVersion} and ${SCHEME_PROTOCOL_VERSION}). Deduplicate @leadforge/core.`,
    );
  }
  return reg;
}

/** Register a scheme in the default (or given) registry. Idempotent for the same object. */
export function registerScheme(
  scheme: GenerationScheme,
  registry: SchemeRegistry = getDefaultRegistry(),
): void {
  registry.register(scheme);
}

/** Look up a scheme; unknown names throw an error listing installed schemes and the install command. */
export function getScheme(
  name: string,
  registry: SchemeRegistry = getDefaultRegistry(),
): GenerationScheme {
  return registry.get(name);
}

/** Registered schemes, sorted by name. */
export function listSchemes(registry: SchemeRegistry = getDefaultRegistry()): GenerationScheme[] {
  return registry.list();
}
