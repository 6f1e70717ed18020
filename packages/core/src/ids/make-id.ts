import { InvalidConfigError } from "../errors/errors.js";

/** Canonical ID prefixes per entity, as in the reference bundles. */
export const ID_PREFIXES = {
  account: "acct",
  contact: "cnt",
  lead: "lead",
  touch: "touch",
  session: "sess",
  sales_activity: "act",
  opportunity: "opp",
  customer: "cust",
  subscription: "sub",
  rep: "rep",
  subscription_event: "subev",
  health_signal: "hsig",
  invoice: "inv",
} as const;

/**
 * Build an ID from a dense 1-based key: `makeId("acct", 1)` → `"acct_000001"`. Widths grow
 * past 6 digits rather than truncate. IDs derive from keys, never from processing order.
 */
export function makeId(prefix: string, n: number): string {
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new InvalidConfigError(`makeId(): n must be a positive integer, got ${String(n)}`);
  }
  const digits = String(n);
  return `${prefix}_${digits.length >= 6 ? digits : digits.padStart(6, "0")}`;
}
