/** Typed-array constructors an event column may use. */
type ArrayCtor =
  | Int32ArrayConstructor
  | Int16ArrayConstructor
  | Float64ArrayConstructor
  | Uint8ArrayConstructor;
type AnyArray = Int32Array | Int16Array | Float64Array | Uint8Array;

/**
 * A growable set of typed-array columns for one event type (touches, sessions, …): the
 * simulation appends into it without allocating per row.
 */
export class EventBuffer<K extends string> {
  /** Rows appended. */
  length = 0;
  #capacity: number;
  readonly #ctors: Readonly<Record<K, ArrayCtor>>;
  /** Columns by name (valid up to `length`). */
  cols: Record<K, AnyArray>;

  /** @param ctors column name → typed-array constructor; `capacity` initial rows. */
  constructor(ctors: Readonly<Record<K, ArrayCtor>>, capacity = 1024) {
    this.#ctors = ctors;
    this.#capacity = capacity;
    this.cols = {} as Record<K, AnyArray>;
    for (const k of Object.keys(ctors) as K[]) this.cols[k] = new ctors[k](capacity);
  }

  /** Reserve one row and return its index. */
  push(): number {
    if (this.length === this.#capacity) {
      // 1.5× (not 2×) growth: the initial capacity is already sized from the expected
      // volume, so an overflow is usually small and doubling would mostly buy slack.
      this.#capacity = Math.max(1024, Math.ceil(this.#capacity * 1.5));
      for (const k of Object.keys(this.#ctors) as K[]) {
        const next = new this.#ctors[k](this.#capacity);
        next.set(this.cols[k] as never);
        this.cols[k] = next;
      }
    }
    return this.length++;
  }

  /**
   * Keep only the rows whose index passes `keep`, in their order (compacted in place). Used
   * to drop the events a snapshot-safe bundle never publishes.
   */
  retain(keep: (row: number) => boolean): void {
    const cols = (Object.keys(this.#ctors) as K[]).map((k) => this.cols[k]);
    let n = 0;
    for (let r = 0; r < this.length; r++) {
      if (!keep(r)) continue;
      if (n !== r) for (const c of cols) c[n] = c[r]!;
      n++;
    }
    this.length = n;
  }

  /**
   * Reorder the rows: row `k` becomes the old row `order[k]` (`order` is a permutation of
   * all rows). Leaves exact-length columns, so no slack capacity is kept (nor transferred
   * by a worker).
   */
  permute(order: Int32Array): void {
    for (const k of Object.keys(this.#ctors) as K[]) {
      const src = this.cols[k];
      const next = new this.#ctors[k](this.length);
      for (let j = 0; j < this.length; j++) next[j] = src[order[j]!]!;
      this.cols[k] = next;
    }
    this.#capacity = this.length;
  }
}
