/** Event type code of `renewal` (codes index into `EVENT_TYPES`). */
export const EV_RENEWAL = 0;
/** Event type code of `expansion`. */
export const EV_EXPANSION = 1;
/** Event type code of `churn`. */
export const EV_CHURN = 2;
/** Event type code of `payment_failure`. */
export const EV_PAYMENT_FAILURE = 3;
/** Event type code of `payment_recovered`. */
export const EV_PAYMENT_RECOVERED = 4;

/** Payment status code of `paid` (codes index into `PAYMENT_STATUSES`). */
export const PAY_PAID = 0;
/** Payment status code of `failed` (dunning unresolved). */
export const PAY_FAILED = 1;
/** Payment status code of `recovered`. */
export const PAY_RECOVERED = 2;
/** Payment status code of `written_off`. */
export const PAY_WRITTEN_OFF = 3;

type Typed = Int8Array | Int16Array | Int32Array | Uint8Array | Float64Array;

function grow<T extends Typed>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

const INITIAL = 1024;

/**
 * The simulated history of every customer, held column-wise in growable typed arrays (no
 * per-row objects, little garbage), grouped by customer in index order and chronological
 * within customer. Weeks are customer-relative; dates are `startDay + 7 * week`. After
 * {@link Ledger.seal} every column is trimmed to its row count.
 */
export class Ledger {
  /** Subscription events. */
  evCustomer = new Int32Array(INITIAL);
  evWeek = new Int32Array(INITIAL);
  evType = new Uint8Array(INITIAL);
  evMrrBefore = new Float64Array(INITIAL);
  evMrrAfter = new Float64Array(INITIAL);
  /** Term after a renewal, or -1. */
  evTermNew = new Int16Array(INITIAL);
  /** Second of the day the event happened (cosmetic, for the timestamp). */
  evSecond = new Int32Array(INITIAL);
  #ev = 0;

  /** Weekly health signals. */
  sigCustomer = new Int32Array(INITIAL);
  sigWeek = new Int32Array(INITIAL);
  sigActiveUsers = new Int32Array(INITIAL);
  sigDepth = new Float64Array(INITIAL);
  sigTickets = new Int32Array(INITIAL);
  /** NPS answer, or -1 when no survey that week. */
  sigNps = new Int8Array(INITIAL);
  #sig = 0;

  /** Monthly invoices. */
  invCustomer = new Int32Array(INITIAL);
  invWeek = new Int32Array(INITIAL);
  invAmount = new Float64Array(INITIAL);
  /** Terminal status code. */
  invStatus = new Uint8Array(INITIAL);
  /** Week the dunning case of a failed invoice was resolved, or -1 (paid at issue, or unresolved). */
  invResolvedWeek = new Int32Array(INITIAL);
  #inv = 0;

  /** Per customer: first row of each table (the range ends where the next customer's starts). */
  readonly evStart: number[] = [];
  readonly sigStart: number[] = [];
  readonly invStart: number[] = [];

  /** Mark the start of the next customer's rows (customers are appended in index order). */
  beginCustomer(): void {
    this.evStart.push(this.#ev);
    this.sigStart.push(this.#sig);
    this.invStart.push(this.#inv);
  }

  /**
   * Close the per-customer ranges and trim every column to its row count (a copy, so the
   * buffers are exact: worlds built on worker threads are cloned across, buffer and all).
   * Call once, after the last customer.
   */
  seal(): void {
    this.beginCustomer();
    const e = this.#ev;
    const s = this.#sig;
    const v = this.#inv;
    this.evCustomer = this.evCustomer.slice(0, e);
    this.evWeek = this.evWeek.slice(0, e);
    this.evType = this.evType.slice(0, e);
    this.evMrrBefore = this.evMrrBefore.slice(0, e);
    this.evMrrAfter = this.evMrrAfter.slice(0, e);
    this.evTermNew = this.evTermNew.slice(0, e);
    this.evSecond = this.evSecond.slice(0, e);
    this.sigCustomer = this.sigCustomer.slice(0, s);
    this.sigWeek = this.sigWeek.slice(0, s);
    this.sigActiveUsers = this.sigActiveUsers.slice(0, s);
    this.sigDepth = this.sigDepth.slice(0, s);
    this.sigTickets = this.sigTickets.slice(0, s);
    this.sigNps = this.sigNps.slice(0, s);
    this.invCustomer = this.invCustomer.slice(0, v);
    this.invWeek = this.invWeek.slice(0, v);
    this.invAmount = this.invAmount.slice(0, v);
    this.invStatus = this.invStatus.slice(0, v);
    this.invResolvedWeek = this.invResolvedWeek.slice(0, v);
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
    if (this.#ev === this.evCustomer.length) {
      this.evCustomer = grow(this.evCustomer);
      this.evWeek = grow(this.evWeek);
      this.evType = grow(this.evType);
      this.evMrrBefore = grow(this.evMrrBefore);
      this.evMrrAfter = grow(this.evMrrAfter);
      this.evTermNew = grow(this.evTermNew);
      this.evSecond = grow(this.evSecond);
    }
    const r = this.#ev++;
    this.evCustomer[r] = customer;
    this.evWeek[r] = week;
    this.evType[r] = type;
    this.evMrrBefore[r] = before;
    this.evMrrAfter[r] = after;
    this.evTermNew[r] = termNew;
    this.evSecond[r] = second;
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
    if (this.#sig === this.sigCustomer.length) {
      this.sigCustomer = grow(this.sigCustomer);
      this.sigWeek = grow(this.sigWeek);
      this.sigActiveUsers = grow(this.sigActiveUsers);
      this.sigDepth = grow(this.sigDepth);
      this.sigTickets = grow(this.sigTickets);
      this.sigNps = grow(this.sigNps);
    }
    const r = this.#sig++;
    this.sigCustomer[r] = customer;
    this.sigWeek[r] = week;
    this.sigActiveUsers[r] = active;
    this.sigDepth[r] = depth;
    this.sigTickets[r] = tickets;
    this.sigNps[r] = nps;
  }

  /** Append an invoice; returns its row index (to resolve it later). */
  invoice(customer: number, week: number, amount: number, status: number): number {
    if (this.#inv === this.invCustomer.length) {
      this.invCustomer = grow(this.invCustomer);
      this.invWeek = grow(this.invWeek);
      this.invAmount = grow(this.invAmount);
      this.invStatus = grow(this.invStatus);
      this.invResolvedWeek = grow(this.invResolvedWeek);
    }
    const r = this.#inv++;
    this.invCustomer[r] = customer;
    this.invWeek[r] = week;
    this.invAmount[r] = amount;
    this.invStatus[r] = status;
    this.invResolvedWeek[r] = -1;
    return r;
  }

  /**
   * Concatenate sealed ledgers of consecutive customer ranges into one sealed ledger (the
   * same columns and ranges as if the customers had been simulated in one piece). Accepts
   * structured clones (plain objects with the same fields).
   */
  static concat(parts: readonly Ledger[]): Ledger {
    const out = new Ledger();
    const cat = <T extends Typed>(pick: (l: Ledger) => T): T => {
      const arrays = parts.map(pick);
      const total = arrays.reduce((a, x) => a + x.length, 0);
      const first = arrays[0] ?? pick(out);
      const res = new (first.constructor as new (n: number) => T)(total);
      let at = 0;
      for (const a of arrays) {
        res.set(a as never, at);
        at += a.length;
      }
      return res;
    };
    out.evCustomer = cat((l) => l.evCustomer);
    out.evWeek = cat((l) => l.evWeek);
    out.evType = cat((l) => l.evType);
    out.evMrrBefore = cat((l) => l.evMrrBefore);
    out.evMrrAfter = cat((l) => l.evMrrAfter);
    out.evTermNew = cat((l) => l.evTermNew);
    out.evSecond = cat((l) => l.evSecond);
    out.sigCustomer = cat((l) => l.sigCustomer);
    out.sigWeek = cat((l) => l.sigWeek);
    out.sigActiveUsers = cat((l) => l.sigActiveUsers);
    out.sigDepth = cat((l) => l.sigDepth);
    out.sigTickets = cat((l) => l.sigTickets);
    out.sigNps = cat((l) => l.sigNps);
    out.invCustomer = cat((l) => l.invCustomer);
    out.invWeek = cat((l) => l.invWeek);
    out.invAmount = cat((l) => l.invAmount);
    out.invStatus = cat((l) => l.invStatus);
    out.invResolvedWeek = cat((l) => l.invResolvedWeek);
    let e = 0;
    let g = 0;
    let v = 0;
    for (const p of parts) {
      // Each part's start arrays end with a sentinel (its row count).
      for (let i = 0; i < p.evStart.length - 1; i++) {
        out.evStart.push(p.evStart[i]! + e);
        out.sigStart.push(p.sigStart[i]! + g);
        out.invStart.push(p.invStart[i]! + v);
      }
      e += p.evCustomer.length;
      g += p.sigCustomer.length;
      v += p.invCustomer.length;
    }
    out.evStart.push(e);
    out.sigStart.push(g);
    out.invStart.push(v);
    return out;
  }
}
