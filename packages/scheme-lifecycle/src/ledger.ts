/** Event type codes (index into `EVENT_TYPES`). */
export const EV_RENEWAL = 0;
export const EV_EXPANSION = 1;
export const EV_CHURN = 2;
export const EV_PAYMENT_FAILURE = 3;
export const EV_PAYMENT_RECOVERED = 4;

/** Payment status codes (index into `PAYMENT_STATUSES`). */
export const PAY_PAID = 0;
export const PAY_FAILED = 1;
export const PAY_RECOVERED = 2;
export const PAY_WRITTEN_OFF = 3;

/**
 * The simulated history of every customer, held column-wise in plain number arrays (no
 * per-row objects), grouped by customer in index order and chronological within customer.
 * Weeks are customer-relative; dates are `startDay + 7 * week`.
 */
export class Ledger {
  /** Subscription events. */
  readonly evCustomer: number[] = [];
  readonly evWeek: number[] = [];
  readonly evType: number[] = [];
  readonly evMrrBefore: number[] = [];
  readonly evMrrAfter: number[] = [];
  /** Term after a renewal, or -1. */
  readonly evTermNew: number[] = [];
  /** Second of the day the event happened (cosmetic, for the timestamp). */
  readonly evSecond: number[] = [];

  /** Weekly health signals. */
  readonly sigCustomer: number[] = [];
  readonly sigWeek: number[] = [];
  readonly sigActiveUsers: number[] = [];
  readonly sigDepth: number[] = [];
  readonly sigTickets: number[] = [];
  /** NPS answer, or -1 when no survey that week. */
  readonly sigNps: number[] = [];

  /** Monthly invoices. */
  readonly invCustomer: number[] = [];
  readonly invWeek: number[] = [];
  readonly invAmount: number[] = [];
  /** Terminal status code. */
  readonly invStatus: number[] = [];
  /** Week the dunning case of a failed invoice was resolved, or -1 (paid at issue, or unresolved). */
  readonly invResolvedWeek: number[] = [];

  /** Per customer: first row of each table (the range ends where the next customer's starts). */
  readonly evStart: number[] = [];
  readonly sigStart: number[] = [];
  readonly invStart: number[] = [];

  /** Mark the start of customer `i`'s rows (customers must be appended in index order). */
  beginCustomer(): void {
    this.evStart.push(this.evCustomer.length);
    this.sigStart.push(this.sigCustomer.length);
    this.invStart.push(this.invCustomer.length);
  }

  /** Close the per-customer ranges (call once after the last customer). */
  seal(): void {
    this.evStart.push(this.evCustomer.length);
    this.sigStart.push(this.sigCustomer.length);
    this.invStart.push(this.invCustomer.length);
  }

  /** Append a subscription event. */
  event(
    customer: number,
    week: number,
    type: number,
    before: number,
    after: number,
    termNew: number,
    second: number,
  ): void {
    this.evCustomer.push(customer);
    this.evWeek.push(week);
    this.evType.push(type);
    this.evMrrBefore.push(before);
    this.evMrrAfter.push(after);
    this.evTermNew.push(termNew);
    this.evSecond.push(second);
  }

  /** Append a health signal. */
  signal(
    customer: number,
    week: number,
    active: number,
    depth: number,
    tickets: number,
    nps: number,
  ): void {
    this.sigCustomer.push(customer);
    this.sigWeek.push(week);
    this.sigActiveUsers.push(active);
    this.sigDepth.push(depth);
    this.sigTickets.push(tickets);
    this.sigNps.push(nps);
  }

  /** Append an invoice; returns its row index (to resolve it later). */
  invoice(customer: number, week: number, amount: number, status: number): number {
    this.invCustomer.push(customer);
    this.invWeek.push(week);
    this.invAmount.push(amount);
    this.invStatus.push(status);
    this.invResolvedWeek.push(-1);
    return this.invCustomer.length - 1;
  }
}
