/** Quote a package spec for a POSIX shell when it holds characters the shell would eat. */
function shellQuote(spec: string): string {
  return /^[\w@/.^~=*+-]+$/.test(spec) ? spec : `'${spec.replaceAll("'", "'\\''")}'`;
}

/**
 * The exact command that installs a scheme package, e.g.
 * `pnpm add @leadforge/scheme-lifecycle@^0.1.0 (or: npm install @leadforge/scheme-lifecycle@^0.1.0)`.
 */
export function installCommand(packageName: string, range?: string): string {
  const spec = shellQuote(range ? `${packageName}@${range}` : packageName);
  return `pnpm add ${spec} (or: npm install ${spec})`;
}
