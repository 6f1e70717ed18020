/** Options accepted by every {@link LeadforgeError}. */
export interface LeadforgeErrorOptions {
  /** The underlying error, kept for `--debug` output and programmatic inspection. */
  cause?: unknown;
  /** Structured facts about the failure (field, value, allowed values…). */
  details?: Record<string, unknown>;
}

/**
 * The one base class for every error leadforge throws on purpose.
 *
 * `code` is a stable string (e.g. `"INVALID_CONFIG"`) so callers — and the CLI's exit-code
 * mapping — never depend on `instanceof` across package copies.
 */
export class LeadforgeError extends Error {
  /** Stable machine-readable error code. */
  readonly code: string;
  /** Structured facts about the failure. */
  readonly details: Record<string, unknown>;
  /** True when the error is the caller's fault (bad input) rather than a failure. */
  readonly isUsageError: boolean;

  constructor(
    code: string,
    message: string,
    options: LeadforgeErrorOptions & { usage?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
    this.isUsageError = options.usage ?? false;
  }
}

/** True for any {@link LeadforgeError}, even one thrown by another copy of core. */
export function isLeadforgeError(value: unknown): value is LeadforgeError {
  return (
    value instanceof Error &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { isUsageError?: unknown }).isUsageError === "boolean"
  );
}
