// Small dependency-free SVG chart primitives for the self-contained HTML report. Output is
// a pure function of the input (fixed number formatting, no locale, no randomness).

/** Escape text for HTML/SVG. */
export function esc(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** Format a number with fixed decimals; `–` for null/NaN. */
export function fmt(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "–" : v.toFixed(digits);
}

/** Format an integer with thin-space thousands separators (locale-independent). */
export function fmtInt(v: number): string {
  const s = Math.round(v).toString();
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/** Compact number: 1.2k, 3.4M. */
export function fmtCompact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k`;
  return Number.isInteger(v) ? v.toString() : v.toFixed(a < 1 ? 2 : 1);
}

const r2 = (v: number) => (Math.round(v * 100) / 100).toString();

/** "Nice" tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9 * step; t += step)
    out.push(Math.round(t / step) * step);
  return out;
}

/** One line (or point set) of a line chart. */
export interface Series {
  readonly name: string;
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
  /** Dashed stroke (reference lines). */
  readonly dashed?: boolean;
  /** Draw markers; a number scales their radius, e.g. by bin size. */
  readonly markers?: boolean | readonly number[];
  /** Fill the area under the line lightly. */
  readonly area?: boolean;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  readonly series: readonly Series[];
  readonly x: {
    readonly min: number;
    readonly max: number;
    readonly label: string;
    readonly format?: (v: number) => string;
  };
  readonly y: {
    readonly min: number;
    readonly max: number;
    readonly label: string;
    readonly format?: (v: number) => string;
  };
  readonly width?: number;
  readonly height?: number;
  /** Accessible title. */
  readonly title: string;
}

const PAD = { l: 52, r: 16, t: 14, b: 40 };

/** A multi-series line chart with axes, grid and legend. */
export function lineChart(o: LineChartOptions): string {
  const W = o.width ?? 460;
  const H = o.height ?? 300;
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const sx = (v: number) => PAD.l + ((v - o.x.min) / (o.x.max - o.x.min || 1)) * iw;
  const sy = (v: number) => PAD.t + ih - ((v - o.y.min) / (o.y.max - o.y.min || 1)) * ih;
  const fx = o.x.format ?? fmtCompact;
  const fy = o.y.format ?? fmtCompact;
  const parts: string[] = [];
  for (const t of niceTicks(o.y.min, o.y.max)) {
    parts.push(
      `<line class="grid" x1="${PAD.l}" x2="${W - PAD.r}" y1="${r2(sy(t))}" y2="${r2(sy(t))}"/>`,
    );
    parts.push(
      `<text class="tick" x="${PAD.l - 6}" y="${r2(sy(t) + 4)}" text-anchor="end">${esc(fy(t))}</text>`,
    );
  }
  for (const t of niceTicks(o.x.min, o.x.max)) {
    parts.push(
      `<line class="grid" y1="${PAD.t}" y2="${PAD.t + ih}" x1="${r2(sx(t))}" x2="${r2(sx(t))}"/>`,
    );
    parts.push(
      `<text class="tick" x="${r2(sx(t))}" y="${PAD.t + ih + 16}" text-anchor="middle">${esc(fx(t))}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${PAD.l}" x2="${W - PAD.r}" y1="${PAD.t + ih}" y2="${PAD.t + ih}"/>`,
  );
  parts.push(`<line class="axis" x1="${PAD.l}" x2="${PAD.l}" y1="${PAD.t}" y2="${PAD.t + ih}"/>`);
  parts.push(
    `<text class="label" x="${PAD.l + iw / 2}" y="${H - 6}" text-anchor="middle">${esc(o.x.label)}</text>`,
  );
  parts.push(
    `<text class="label" transform="translate(13 ${PAD.t + ih / 2}) rotate(-90)" text-anchor="middle">${esc(o.y.label)}</text>`,
  );
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  for (const s of o.series) {
    const pts = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (!pts.length) continue;
    const xy = pts.map(([x, y]) => [sx(x), sy(clamp(y, o.y.min, o.y.max))] as const);
    const d = xy.map(([x, y], i) => `${i ? "L" : "M"}${r2(x)} ${r2(y)}`).join("");
    if (s.area && xy.length > 1) {
      const base = sy(o.y.min);
      parts.push(
        `<path d="${d}L${r2(xy[xy.length - 1]![0])} ${r2(base)}L${r2(xy[0]![0])} ${r2(base)}Z" fill="${s.color}" fill-opacity="0.08" stroke="none"/>`,
      );
    }
    parts.push(
      `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.dashed ? 1.5 : 2.25}"${s.dashed ? ' stroke-dasharray="5 4"' : ""} stroke-linejoin="round" stroke-linecap="round"><title>${esc(s.name)}</title></path>`,
    );
    if (s.markers) {
      const sizes = Array.isArray(s.markers) ? (s.markers as readonly number[]) : null;
      const maxSize = sizes ? Math.max(...sizes, 1) : 1;
      xy.forEach(([x, y], i) => {
        const rad = sizes ? 2.5 + 4.5 * Math.sqrt((sizes[i] ?? 0) / maxSize) : 3;
        const [px, py] = pts[i]!;
        parts.push(
          `<circle cx="${r2(x)}" cy="${r2(y)}" r="${r2(rad)}" fill="${s.color}" fill-opacity="0.85" stroke="#fff" stroke-width="1"><title>${esc(`${s.name}: ${fx(px)}, ${fy(py)}${sizes ? ` (n=${sizes[i]})` : ""}`)}</title></circle>`,
        );
      });
    }
  }
  return svg(W, H, o.title, parts.join(""), legend(o.series.filter((s) => s.points.length)));
}

function legend(series: readonly { name: string; color: string; dashed?: boolean }[]): string {
  return `<div class="legend">${series
    .map(
      (s) =>
        `<span><i style="background:${s.color}${s.dashed ? ";opacity:.55" : ""}"></i>${esc(s.name)}</span>`,
    )
    .join("")}</div>`;
}

function svg(W: number, H: number, title: string, body: string, after = ""): string {
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${body}</svg>${after}</figure>`;
}

/** One bar of a horizontal bar chart. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly color: string;
  /** Text at the end of the bar (defaults to the value). */
  readonly text?: string;
  /** Tooltip. */
  readonly hint?: string;
}

/** Horizontal bars with labels on the left, values at the bar ends; `base` is the zero line. */
export function barChart(o: {
  readonly bars: readonly Bar[];
  readonly title: string;
  readonly min?: number;
  readonly max?: number;
  readonly width?: number;
  readonly labelWidth?: number;
  readonly format?: (v: number) => string;
}): string {
  const W = o.width ?? 460;
  const lw = o.labelWidth ?? 170;
  const row = 22;
  const H = 10 + o.bars.length * row + 8;
  const min = o.min ?? 0;
  const max = o.max ?? Math.max(...o.bars.map((b) => b.value), min + 1e-9);
  const f = o.format ?? ((v: number) => fmt(v, 3));
  // Reserve room for the longest value text so it never runs past the chart.
  const longest = Math.max(...o.bars.map((b) => (b.text ?? f(b.value)).length), 4);
  const iw = W - lw - Math.max(48, longest * 6.6 + 12);
  const sx = (v: number) => lw + ((Math.min(max, Math.max(min, v)) - min) / (max - min || 1)) * iw;
  const parts = o.bars.map((b, i) => {
    const y = 10 + i * row;
    const w = Math.max(1.5, sx(b.value) - lw);
    return `<g><text class="blabel" x="${lw - 8}" y="${y + 14}" text-anchor="end">${esc(b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label)}</text><rect x="${lw}" y="${y + 3}" width="${r2(w)}" height="${row - 8}" rx="3" fill="${b.color}"><title>${esc(b.hint ?? `${b.label}: ${f(b.value)}`)}</title></rect><text class="bvalue" x="${r2(lw + w + 6)}" y="${y + 14}">${esc(b.text ?? f(b.value))}</text></g>`;
  });
  parts.unshift(`<line class="axis" x1="${lw}" x2="${lw}" y1="6" y2="${H - 4}"/>`);
  return svg(W, H, o.title, parts.join(""));
}

/** A group of vertical bars (e.g. one decile: predicted vs actual). */
export interface ColumnGroup {
  readonly label: string;
  readonly values: readonly number[];
}

/** Vertical grouped columns with a y axis; `names`/`colors` describe the bars of each group. */
export function columnChart(o: {
  readonly groups: readonly ColumnGroup[];
  readonly names: readonly string[];
  readonly colors: readonly string[];
  readonly title: string;
  readonly yLabel: string;
  readonly xLabel: string;
  readonly width?: number;
  readonly height?: number;
  readonly format?: (v: number) => string;
  /** Show every n-th group label. @default 1 */
  readonly labelEvery?: number;
}): string {
  const W = o.width ?? 460;
  const H = o.height ?? 280;
  const iw = W - PAD.l - PAD.r;
  const ih = H - PAD.t - PAD.b;
  const max = Math.max(1e-9, ...o.groups.flatMap((g) => g.values.filter(Number.isFinite)));
  const ticks = niceTicks(0, max);
  const top = Math.max(max, ticks[ticks.length - 1]!);
  const sy = (v: number) => PAD.t + ih - (v / top) * ih;
  const f = o.format ?? fmtCompact;
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(
      `<line class="grid" x1="${PAD.l}" x2="${W - PAD.r}" y1="${r2(sy(t))}" y2="${r2(sy(t))}"/>`,
    );
    parts.push(
      `<text class="tick" x="${PAD.l - 6}" y="${r2(sy(t) + 4)}" text-anchor="end">${esc(f(t))}</text>`,
    );
  }
  const gw = iw / Math.max(1, o.groups.length);
  const k = o.names.length;
  const bw = Math.max(1, (gw * 0.78) / k);
  const every = o.labelEvery ?? 1;
  o.groups.forEach((g, i) => {
    const x0 = PAD.l + i * gw + gw * 0.11;
    g.values.forEach((v, j) => {
      if (!Number.isFinite(v)) return;
      const y = sy(v);
      parts.push(
        `<rect x="${r2(x0 + j * bw)}" y="${r2(y)}" width="${r2(bw - (k > 1 ? 1 : 0))}" height="${r2(PAD.t + ih - y)}" rx="${k > 1 ? 1.5 : 2}" fill="${o.colors[j]}"><title>${esc(`${g.label} · ${o.names[j]}: ${f(v)}`)}</title></rect>`,
      );
    });
    if (i % every === 0)
      parts.push(
        `<text class="tick" x="${r2(PAD.l + i * gw + gw / 2)}" y="${PAD.t + ih + 16}" text-anchor="middle">${esc(g.label)}</text>`,
      );
  });
  parts.push(
    `<line class="axis" x1="${PAD.l}" x2="${W - PAD.r}" y1="${PAD.t + ih}" y2="${PAD.t + ih}"/>`,
  );
  parts.push(
    `<text class="label" x="${PAD.l + iw / 2}" y="${H - 6}" text-anchor="middle">${esc(o.xLabel)}</text>`,
  );
  parts.push(
    `<text class="label" transform="translate(13 ${PAD.t + ih / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
  );
  return svg(
    W,
    H,
    o.title,
    parts.join(""),
    k > 1 ? legend(o.names.map((name, j) => ({ name, color: o.colors[j]! }))) : "",
  );
}

/** Stacked horizontal 100% bars (e.g. class balance per split). */
export function stackedBars(o: {
  readonly rows: readonly {
    readonly label: string;
    readonly parts: readonly {
      readonly value: number;
      readonly color: string;
      readonly name: string;
      readonly ink?: string;
    }[];
  }[];
  readonly title: string;
  readonly width?: number;
}): string {
  const W = o.width ?? 460;
  const lw = 70;
  const row = 34;
  const H = 8 + o.rows.length * row + 4;
  const iw = W - lw - 12;
  const out: string[] = [];
  o.rows.forEach((r, i) => {
    const total = r.parts.reduce((s, p) => s + p.value, 0) || 1;
    const y = 8 + i * row;
    let x = lw;
    out.push(
      `<text class="blabel" x="${lw - 8}" y="${y + 18}" text-anchor="end">${esc(r.label)}</text>`,
    );
    // A part too narrow for its label hands the label on to the next part.
    let carried = "";
    for (const p of r.parts) {
      const w = (p.value / total) * iw;
      if (w <= 0) continue;
      const share = `${((100 * p.value) / total).toFixed(1)}%`;
      out.push(
        `<rect x="${r2(x)}" y="${y + 4}" width="${r2(w)}" height="${row - 10}" fill="${p.color}"><title>${esc(`${r.label} · ${p.name}: ${fmtInt(p.value)} (${share})`)}</title></rect>`,
      );
      if (w > 44) {
        const text = carried
          ? `${carried}${p.name} ${share} (${fmtCompact(p.value)})`
          : `${share} · ${fmtCompact(p.value)}`;
        out.push(
          `<text class="inbar" x="${r2(x + 8)}" y="${y + 20}"${p.ink ? ` style="fill:${p.ink}"` : ""}>${esc(text)}</text>`,
        );
        carried = "";
      } else carried += `${p.name} ${share} (${fmtCompact(p.value)}) · `;
      x += w;
    }
  });
  const names = o.rows[0]?.parts.map((p) => ({ name: p.name, color: p.color })) ?? [];
  return svg(W, H, o.title, out.join(""), legend(names));
}
