/**
 * The chronological order of event rows: by calendar day, then second-of-day (with a per-lead
 * sequence in the low bits), then lead. The key is total, so the order — and therefore every
 * event id — is the same whatever order accounts were simulated in. Counting sort by day,
 * then a small comparator sort inside each day.
 */
export function chronologicalOrder(opts: {
  readonly length: number;
  readonly lead: Int32Array;
  readonly t: Int32Array;
  readonly sec: Int32Array;
  readonly created: Int32Array;
  readonly startDay: number;
}): Int32Array {
  const { length, lead, t, sec, created, startDay } = opts;
  const day = new Int32Array(length);
  let maxDay = 0;
  for (let k = 0; k < length; k++) {
    const d = created[lead[k]!]! + t[k]! - startDay;
    day[k] = d;
    if (d > maxDay) maxDay = d;
  }
  const counts = new Int32Array(maxDay + 2);
  for (let k = 0; k < length; k++) counts[day[k]! + 1]!++;
  for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
  const order = new Int32Array(length);
  const cursor = counts.slice();
  for (let k = 0; k < length; k++) order[cursor[day[k]!]!++] = k;
  const cmp = (x: number, y: number) => sec[x]! - sec[y]! || lead[x]! - lead[y]!;
  for (let d = 0; d <= maxDay; d++) {
    const from = counts[d]!;
    const to = counts[d + 1]!;
    if (to - from > 1) order.subarray(from, to).sort(cmp);
  }
  return order;
}
