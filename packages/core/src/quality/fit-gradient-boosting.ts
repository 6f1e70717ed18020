import { binMatrix, fitBinMapper, MAX_BINS, MISSING_BIN } from "./bin-mapper.js";
import type { Matrix } from "./matrix.js";
import { assertSameLength, type NumericArray } from "./numeric-array.js";

/** Loss of a boosted model: binary log loss (labels 0/1) or squared error. */
export type BoostingLoss = "logloss" | "squared";

/** Options of {@link fitGradientBoosting}; defaults follow sklearn's `HistGradientBoosting*`. */
export interface GradientBoostingOptions {
  /** Loss. @default "logloss" */
  readonly loss?: BoostingLoss;
  /** Boosting iterations (trees). No early stopping. @default 100 */
  readonly maxIter?: number;
  /** Shrinkage applied to every leaf value. @default 0.1 */
  readonly learningRate?: number;
  /** Leaves per tree, grown best-first. @default 31 */
  readonly maxLeafNodes?: number;
  /** Depth limit (root = depth 0), or none. @default undefined */
  readonly maxDepth?: number;
  /** Smallest leaf. @default 20 */
  readonly minSamplesLeaf?: number;
  /** L2 penalty on leaf values. @default 0 */
  readonly l2Regularization?: number;
  /** Bins for non-missing values (≤ 255). @default 255 */
  readonly maxBins?: number;
}

/** A fitted gradient-boosted tree ensemble. */
export interface GradientBoostingModel {
  /** Loss it was trained with. */
  readonly loss: BoostingLoss;
  /** Number of trees. */
  readonly nTrees: number;
  /** Total split gain per input column (a rough importance). */
  readonly featureGain: Float64Array;
  /** Raw scores (log-odds for log loss) for each row of `x`; NaN is allowed. */
  predictRaw(x: Matrix): Float64Array;
  /** Probabilities of class 1 (log loss) or predicted values (squared error). */
  predict(x: Matrix): Float64Array;
}

/** One tree, stored as flat arrays; leaves have `feature = -1`. */
interface Tree {
  feature: number[];
  bin: number[];
  missingLeft: boolean[];
  left: number[];
  right: number[];
  value: number[];
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  sumG: number;
  sumH: number;
  hist: Float64Array; // per feature, per bin: [g, h, count]
  split: Split | null;
}

const MIN_HESSIAN = 1e-3;

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Histogram gradient boosting in the manner of sklearn's `HistGradientBoostingClassifier` /
 * `Regressor`: features binned into ≤ 255 quantile bins plus a missing-value bin, trees
 * grown best-first to `maxLeafNodes` leaves with `minSamplesLeaf`, split gain
 * `G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)`, leaf values `−G/(H+λ)·learningRate`, and
 * missing values sent to whichever side gains more (to the larger child when a node saw
 * none). Histograms use the sibling-subtraction trick. Fully deterministic: ties between
 * splits go to the lowest feature, then the lowest bin.
 */
export function fitGradientBoosting(
  x: Matrix,
  y: NumericArray,
  options: GradientBoostingOptions = {},
): GradientBoostingModel {
  assertSameLength({ length: x.rows }, y, "fitGradientBoosting");
  const loss = options.loss ?? "logloss";
  const maxIter = options.maxIter ?? 100;
  const lr = options.learningRate ?? 0.1;
  const maxLeaves = Math.max(2, options.maxLeafNodes ?? 31);
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const minLeaf = Math.max(1, options.minSamplesLeaf ?? 20);
  const lambda = options.l2Regularization ?? 0;
  const mapper = fitBinMapper(x, Math.min(MAX_BINS, options.maxBins ?? MAX_BINS));
  const n = x.rows;
  const p = x.cols;
  const nBins = mapper.thresholds.map((t) => t.length + 1);
  // Compact histogram layout: feature j owns nBins[j] + 1 slots (the last for missing), so
  // few-valued features (flags, small categoricals) cost a few slots instead of 256.
  const offset = new Int32Array(p + 1);
  for (let j = 0; j < p; j++) offset[j + 1] = offset[j]! + nBins[j]! + 1;
  const histSize = offset[p]! * 3;
  // Row-major training bins with missing mapped to the feature's last slot: one pass over a
  // row's bytes updates every feature's histogram.
  const featureMajor = binMatrix(mapper, x);
  const cbin = new Uint8Array(n * p);
  for (let j = 0; j < p; j++) {
    const nb = nBins[j]!;
    for (let i = 0; i < n; i++) {
      const b = featureMajor[j * n + i]!;
      cbin[i * p + j] = b === MISSING_BIN ? nb : b;
    }
  }

  let baseline = 0;
  let ySum = 0;
  for (let i = 0; i < n; i++) ySum += y[i]!;
  if (loss === "logloss") {
    const rate = Math.min(1 - 1e-12, Math.max(1e-12, ySum / (n || 1)));
    baseline = Math.log(rate / (1 - rate));
  } else baseline = ySum / (n || 1);

  const raw = new Float64Array(n).fill(baseline);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const order = new Uint32Array(n);
  const scratch = new Uint32Array(n);
  const featureGain = new Float64Array(p);
  const trees: Tree[] = [];

  // Histogram buffers are recycled across nodes and trees: allocation dominated the run time.
  const pool: Float64Array[] = [];
  const buildHist = (start: number, end: number): Float64Array => {
    const reused = pool.pop();
    if (reused) reused.fill(0);
    const hist = reused ?? new Float64Array(histSize);
    for (let k = start; k < end; k++) {
      const i = order[k]!;
      const g = grad[i]!;
      const h = hess[i]!;
      const rb = i * p;
      for (let j = 0; j < p; j++) {
        const o = (offset[j]! + cbin[rb + j]!) * 3;
        hist[o]! += g;
        hist[o + 1]! += h;
        hist[o + 2]!++;
      }
    }
    return hist;
  };

  const findSplit = (leaf: Leaf): Split | null => {
    const count = leaf.end - leaf.start;
    if (count < 2 * minLeaf || leaf.depth >= maxDepth || leaf.sumH < 2 * MIN_HESSIAN) return null;
    const G = leaf.sumG;
    const H = leaf.sumH;
    const parentScore = (G * G) / (H + lambda);
    let best: Split | null = null;
    const hist = leaf.hist;
    for (let j = 0; j < p; j++) {
      const off = offset[j]! * 3;
      const nb = nBins[j]!;
      const mo = off + nb * 3;
      const mg = hist[mo]!;
      const mh = hist[mo + 1]!;
      const mc = hist[mo + 2]!;
      // Pass 1: missing values go right. Pass 2 (only if this node has missing): they go left.
      for (let pass = 0; pass < (mc > 0 ? 2 : 1); pass++) {
        let gl = pass === 1 ? mg : 0;
        let hl = pass === 1 ? mh : 0;
        let cl = pass === 1 ? mc : 0;
        for (let b = 0; b < nb - (pass === 1 ? 1 : mc > 0 ? 0 : 1); b++) {
          const o = off + b * 3;
          gl += hist[o]!;
          hl += hist[o + 1]!;
          cl += hist[o + 2]!;
          const cr = count - cl;
          if (cl < minLeaf) continue;
          if (cr < minLeaf) break;
          const hr = H - hl;
          if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) continue;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
          if (gain > 1e-12 && (!best || gain > best.gain)) {
            // With no missing values at this node, send future missing values to the bigger side.
            const missingLeft = pass === 1 || (mc === 0 && cl >= cr);
            best = { gain, feature: j, bin: b, missingLeft };
          }
        }
      }
    }
    return best;
  };

  for (let iter = 0; iter < maxIter; iter++) {
    if (loss === "logloss") {
      for (let i = 0; i < n; i++) {
        const pr = sigmoid(raw[i]!);
        grad[i] = pr - y[i]!;
        hess[i] = pr * (1 - pr);
      }
    } else {
      for (let i = 0; i < n; i++) {
        grad[i] = raw[i]! - y[i]!;
        hess[i] = 1;
      }
    }
    for (let i = 0; i < n; i++) order[i] = i;
    const tree: Tree = { feature: [], bin: [], missingLeft: [], left: [], right: [], value: [] };
    const newNode = (): number => {
      tree.feature.push(-1);
      tree.bin.push(0);
      tree.missingLeft.push(false);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      return tree.feature.length - 1;
    };
    let sumG = 0;
    let sumH = 0;
    for (let i = 0; i < n; i++) {
      sumG += grad[i]!;
      sumH += hess[i]!;
    }
    const root: Leaf = {
      node: newNode(),
      start: 0,
      end: n,
      depth: 0,
      sumG,
      sumH,
      hist: buildHist(0, n),
      split: null,
    };
    root.split = findSplit(root);
    const open: Leaf[] = [root];
    let nLeaves = 1;
    while (nLeaves < maxLeaves) {
      // Best-first: the open leaf with the largest gain (earliest on ties).
      let bi = -1;
      for (let k = 0; k < open.length; k++) {
        const s = open[k]!.split;
        if (s && (bi < 0 || s.gain > open[bi]!.split!.gain)) bi = k;
      }
      if (bi < 0) break;
      const leaf = open.splice(bi, 1)[0]!;
      const s = leaf.split!;
      featureGain[s.feature]! += s.gain;
      // Stable partition of the leaf's rows.
      const missingSlot = nBins[s.feature]!;
      let l = leaf.start;
      let rIdx = 0;
      for (let k = leaf.start; k < leaf.end; k++) {
        const i = order[k]!;
        const b = cbin[i * p + s.feature]!;
        const goLeft = b === missingSlot ? s.missingLeft : b <= s.bin;
        if (goLeft) order[l++] = i;
        else scratch[rIdx++] = i;
      }
      order.set(scratch.subarray(0, rIdx), l);
      const ln = newNode();
      const rn = newNode();
      tree.feature[leaf.node] = s.feature;
      tree.bin[leaf.node] = s.bin;
      tree.missingLeft[leaf.node] = s.missingLeft;
      tree.left[leaf.node] = ln;
      tree.right[leaf.node] = rn;
      const mk = (node: number, start: number, end: number): Leaf => ({
        node,
        start,
        end,
        depth: leaf.depth + 1,
        sumG: 0,
        sumH: 0,
        hist: new Float64Array(0),
        split: null,
      });
      const left = mk(ln, leaf.start, l);
      const right = mk(rn, l, leaf.end);
      // Build the smaller child's histogram; the sibling is parent minus it.
      const [small, large] = l - leaf.start <= leaf.end - l ? [left, right] : [right, left];
      small.hist = buildHist(small.start, small.end);
      const lh = leaf.hist;
      const sh = small.hist;
      for (let k = 0; k < lh.length; k++) lh[k]! -= sh[k]!;
      large.hist = lh;
      for (const c of [left, right]) {
        // Node totals from feature 0's histogram (every row lands in exactly one bin).
        let g = 0;
        let h = 0;
        for (let b = 0; b <= nBins[0]!; b++) {
          g += c.hist[b * 3]!;
          h += c.hist[b * 3 + 1]!;
        }
        c.sumG = p ? g : 0;
        c.sumH = p ? h : 0;
        c.split = findSplit(c);
        open.push(c);
      }
      nLeaves++;
    }
    for (const leaf of open) {
      const v = (-leaf.sumG / (leaf.sumH + lambda)) * lr;
      tree.value[leaf.node] = Number.isFinite(v) ? v : 0;
      for (let k = leaf.start; k < leaf.end; k++) raw[order[k]!]! += tree.value[leaf.node]!;
      if (leaf.hist.length) pool.push(leaf.hist);
      leaf.hist = new Float64Array(0);
    }
    trees.push(tree);
  }

  const predictRaw = (m: Matrix): Float64Array => {
    if (m.cols !== p) throw new RangeError(`predict: expected ${p} columns, got ${m.cols}`);
    const b = binMatrix(mapper, m);
    const out = new Float64Array(m.rows).fill(baseline);
    for (const t of trees) {
      for (let r = 0; r < m.rows; r++) {
        let node = 0;
        while (t.feature[node]! >= 0) {
          const bin = b[t.feature[node]! * m.rows + r]!;
          const goLeft = bin === MISSING_BIN ? t.missingLeft[node]! : bin <= t.bin[node]!;
          node = goLeft ? t.left[node]! : t.right[node]!;
        }
        out[r]! += t.value[node]!;
      }
    }
    return out;
  };
  return {
    loss,
    nTrees: trees.length,
    featureGain,
    predictRaw,
    predict(m: Matrix): Float64Array {
      const r = predictRaw(m);
      if (loss === "logloss") for (let i = 0; i < r.length; i++) r[i] = sigmoid(r[i]!);
      return r;
    },
  };
}
