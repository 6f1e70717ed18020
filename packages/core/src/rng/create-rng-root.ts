import { InvalidConfigError } from "../errors/errors.js";
import { fmix32, murmur3x86x128 } from "./murmur3.js";
import { Rng } from "./rng.js";

/** Identifier of the RNG construction, recorded in every manifest as `rng_algorithm`. */
export const RNG_ALGORITHM = "xoshiro128ss-murmur3-keyed-v1";

/** One part of a stream key: a non-negative integer (fast path) or a string. */
export type StreamKey = number | string;

/**
 * The root of all randomness in a run. Streams are pure functions of
 * `(seed, name, ...keys)`: nothing depends on how many draws another stream made or on the
 * order in which entities are processed, which is what makes sharding exact.
 */
export interface RngRoot {
  /** The run's seed. */
  readonly seed: number;
  /** A fresh, independent generator for `(seed, name, ...keys)`. */
  stream(name: string, ...keys: readonly StreamKey[]): Rng;
  /** A uniform double in [0, 1) that is a pure hash of `(seed, name, ...keys)` — no stream. */
  unit(name: string, ...keys: readonly StreamKey[]): number;
}

type State = [number, number, number, number];

function mixKey(state: State, key: StreamKey): void {
  let lo: number;
  let hi: number;
  if (typeof key === "number") {
    if (!Number.isSafeInteger(key) || key < 0) {
      throw new InvalidConfigError(
        `stream key must be a non-negative safe integer or a string, got ${key}`,
      );
    }
    lo = key >>> 0;
    hi = Math.floor(key / 4294967296) >>> 0;
  } else {
    const h = murmur3x86x128(key);
    lo = h[0] ^ h[2];
    hi = h[1] ^ h[3];
  }
  // Feed the key through each lane, then cross-mix the lanes so every output bit depends on
  // every key bit (a small SPN; bijective per lane).
  const a = fmix32((state[0] ^ lo) + 0x9e3779b9);
  const b = fmix32((state[1] ^ hi) + 0x7f4a7c15);
  const c = fmix32(state[2] ^ a);
  const d = fmix32(state[3] ^ b);
  state[0] = fmix32(a ^ d) >>> 0;
  state[1] = fmix32(b ^ c ^ 0x85ebca6b) >>> 0;
  state[2] = fmix32(c + a) >>> 0;
  state[3] = fmix32(d + b + 1) >>> 0;
}

/**
 * Create the keyed RNG root for a seed.
 *
 * @example
 * const rng = createRngRoot(42);
 * const acct = rng.stream("population.account", accountIndex);
 */
export function createRngRoot(seed: number): RngRoot {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidConfigError(`seed must be a non-negative integer, got ${String(seed)}`, {
      details: { field: "seed", value: seed },
    });
  }
  const nameStates = new Map<string, State>();
  const base = (name: string): State => {
    let s = nameStates.get(name);
    if (s === undefined) {
      s = murmur3x86x128(`${seed}\u0000${name}`);
      nameStates.set(name, s);
    }
    return s;
  };
  const derive = (name: string, keys: readonly StreamKey[]): State => {
    const s = base(name);
    const state: State = [s[0], s[1], s[2], s[3]];
    for (const k of keys) mixKey(state, k);
    return state;
  };
  return {
    seed,
    stream: (name, ...keys) => new Rng(derive(name, keys)),
    unit: (name, ...keys) => {
      const s = derive(name, keys);
      mixKey(s, 0x5eed);
      return ((s[0] >>> 5) * 67108864 + (s[1] >>> 6)) / 9007199254740992;
    },
  };
}
