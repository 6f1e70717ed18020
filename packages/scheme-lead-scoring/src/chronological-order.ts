/**
 * The chronological order of event rows: by calendar day, then second-of-day (with a per-lead
 * sequence in the low bits), then lead. The key is total, so the order — and therefore every
 * event id — is the same whatever order accounts were simulated in. A stable LSD radix sort
 * over the three keys (lead, then second, then day) keeps it linear and allocation-light.
 */
export function chronologicalOrder(opts: {
  readonly length: number;
  readonly lead: Int32Array;
  /** Lead-day of each row (Int16Array in the event buffers). */
  readonly t: Int32Array | Int16Array;
  readonly sec: Int32Array;
  readonly created: Int32Array;
  readonly startDay: number;
}): Int32Array {
  const { length, lead, t, sec, created, startDay } = opts;
  const day = new Int32Array(length);
  for (let k = 0; k < length; k++) day[k] = created[lead[k]!]! + t[k]! - startDay;
  let order = new Int32Array(length);
  for (let k = 0; k < length; k++) order[k] = k;
  const m = length;
  let spare = new Int32Array(m);
  const pass = (key: Int32Array, shift: number, bits: number) => {
    const size = 1 << bits;
    const mask = size - 1;
    const counts = new Int32Array(size + 1);
    for (let k = 0; k < m; k++) counts[((key[order[k]!]! >>> shift) & mask) + 1]!++;
    for (let b = 1; b <= size; b++) counts[b]! += counts[b - 1]!;
    for (let k = 0; k < m; k++) {
      const r = order[k]!;
      spare[counts[(key[r]! >>> shift) & mask]!++] = r;
    }
    const tmp = order;
    order = spare;
    spare = tmp;
  };
  const sortBy = (key: Int32Array) => {
    let max = 0;
    for (let k = 0; k < length; k++) if (key[k]! > max) max = key[k]!;
    for (let shift = 0; shift === 0 || max >>> shift > 0; shift += 14) pass(key, shift, 14);
  };
  sortBy(lead);
  sortBy(sec);
  sortBy(day);
  return order;
}
