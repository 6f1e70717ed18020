/** Typed-array constructors an event column may use. */
type ArrayCtor = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;
type AnyArray = Int32Array | Float64Array | Uint8Array;

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
      this.#capacity *= 2;
      for (const k of Object.keys(this.#ctors) as K[]) {
        const next = new this.#ctors[k](this.#capacity);
        next.set(this.cols[k] as never);
        this.cols[k] = next;
      }
    }
    return this.length++;
  }
}
