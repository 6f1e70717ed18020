/** A text sink the CLI writes to (process.stdout/stderr or a test capture). */
export interface CliStream {
  /** Write text. */
  write(text: string): unknown;
  /** Whether the sink is an interactive terminal. */
  readonly isTTY?: boolean;
  /** Terminal width in columns, when known. */
  readonly columns?: number;
}

/** Everything the CLI reads from or writes to its process, injectable for in-process tests. */
export interface CliIo {
  /** Normal output (summaries, JSON). */
  readonly stdout: CliStream;
  /** Errors and the progress display. */
  readonly stderr: CliStream;
  /** Environment variables (`LEADFORGE_SCHEMES`, `SOURCE_DATE_EPOCH`, `LEADFORGE_DEBUG`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
  /** Aborted on Ctrl-C; generation and writing stop and leave no partial bundle. */
  readonly signal?: AbortSignal;
}
