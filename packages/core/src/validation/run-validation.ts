import type {
  BundleReader,
  Finding,
  Severity,
  ValidationContext,
  ValidationProvider,
  ValidationResult,
} from "./types.js";

/** Options of {@link runValidation}. */
export interface RunValidationOptions {
  /** Providers to run, in order. */
  readonly providers: readonly ValidationProvider[];
  /** Context handed to every provider. */
  readonly context?: ValidationContext;
  /** Turn warnings into failures. @default false */
  readonly strict?: boolean;
  /** Findings computed before the providers (e.g. file integrity), kept first. */
  readonly initial?: readonly Finding[];
}

/**
 * Run validation providers over a bundle and fold their findings into a result. A provider
 * that throws yields one `provider_failed` error instead of aborting the run.
 */
export async function runValidation(
  bundle: BundleReader,
  options: RunValidationOptions,
): Promise<ValidationResult> {
  const findings: Finding[] = [...(options.initial ?? [])];
  for (const provider of options.providers) {
    try {
      const out = await provider.check(bundle, options.context);
      for (const f of out) findings.push(f.provider ? f : { ...f, provider: provider.name });
    } catch (error) {
      findings.push({
        severity: "error",
        code: "provider_failed",
        provider: provider.name,
        message: `Check '${provider.name}' could not run: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return summarizeFindings(findings, options.strict ?? false);
}

/** Build a {@link ValidationResult} from findings. */
export function summarizeFindings(findings: readonly Finding[], strict: boolean): ValidationResult {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const ok = counts.error === 0 && (!strict || counts.warning === 0);
  return { ok, strict, findings, counts };
}

/** Render findings as readable lines: `ERROR [code] message (file, column)`, then a summary. */
export function formatFindings(result: ValidationResult): string {
  const lines = result.findings.map((f) => {
    const where = [f.file, f.column].filter(Boolean).join(" · ");
    const tag =
      f.severity === "error" ? "ERROR  " : f.severity === "warning" ? "WARNING" : "info   ";
    return `${tag} [${f.code}] ${f.message}${where ? ` (${where})` : ""}`;
  });
  const { error, warning, info } = result.counts;
  const verdict = result.ok ? "PASS" : "FAIL";
  lines.push(
    `${verdict}: ${error} error(s), ${warning} warning(s), ${info} note(s)${result.strict ? " [strict: warnings fail]" : ""}`,
  );
  return `${lines.join("\n")}\n`;
}
