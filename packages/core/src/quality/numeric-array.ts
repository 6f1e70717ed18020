/** A read-only array of numbers: a plain array or any typed array. */
export type NumericArray = ArrayLike<number>;

/** Throws when two paired arrays differ in length (a programming error, not user input). */
export function assertSameLength(a: NumericArray, b: NumericArray, what: string): void {
  if (a.length !== b.length)
    throw new RangeError(`${what}: arrays differ in length (${a.length} vs ${b.length})`);
}
