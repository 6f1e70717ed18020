import { latentZ } from "./latent.js";
import type { Population } from "./population.js";
import type { HiddenGraph } from "./sample-graph.js";
import type { WorldCalendar } from "./world-calendar.js";
import { monthIndex } from "./world-calendar.js";

/** Where a root node's value comes from (a latent trait, the calendar or the owner rep). */
type Source =
  | "climate"
  | "fit"
  | "budget"
  | "maturity"
  | "confounder"
  | "authority"
  | "awareness"
  | "responsiveness"
  | "alignment"
  | "engagement"
  | "friction"
  | "rep_quality";

/** Root nodes read a trait; the template's ids map onto the population's traits. */
const ROOT_SOURCE: Readonly<Record<string, Source>> = {
  global_ctx: "climate",
  acct_fit: "fit",
  acct_maturity: "maturity",
  budget_readiness: "budget",
  latent_confounder: "confounder",
  contact_authority: "authority",
  problem_awareness: "awareness",
  contact_responsiveness: "responsiveness",
  committee_alignment: "alignment",
};

/** Derived nodes that also carry an exogenous trait (besides their parents). */
const EXOGENOUS: Readonly<Record<string, readonly [Source, number]>> = {
  engagement: ["engagement", 0.8],
  sales_friction: ["friction", 0.8],
  approval_friction: ["friction", 0.6],
  rep_quality: ["rep_quality", 1],
};

/** Standard deviation of each derived node's own disturbance term. */
export const DISTURBANCE_SD = 0.5;
/** Disturbance slots drawn per lead (fixed, so the population does not depend on the graph). */
export const N_DISTURBANCES = 8;

/** One compiled node of the structural model. */
export interface CompiledNode {
  /** Node id. */
  readonly id: string;
  /** Node type. */
  readonly type: string;
  /** Root source, or null for derived nodes. */
  readonly source: Source | null;
  /** Parent positions (in topological order) and their weights. */
  readonly parents: readonly (readonly [number, number])[];
  /** Exogenous trait and weight, if any. */
  readonly exogenous: readonly [Source, number] | null;
  /** Disturbance slot, or −1 (roots and the outcome have none). */
  readonly disturbance: number;
}

/** The executable hidden graph: structural equations evaluated per lead. */
export interface CausalModel {
  /** Nodes in topological order. */
  readonly nodes: readonly CompiledNode[];
  /** Per-node centring mean (from the calibration sample). */
  readonly mean: Float64Array;
  /** Per-node scale (sd from the calibration sample; 1 until calibrated). */
  readonly sd: Float64Array;
  /** Positions of the mechanism drivers, −1 when the graph lacks the node. */
  readonly driverIndex: {
    readonly engagement: number;
    readonly progress: number;
    readonly sales: number;
    readonly salesSign: number;
    readonly outcome: number;
  };
}

/** Compile a sampled graph into structural equations. */
export function compileCausalModel(graph: HiddenGraph): CausalModel {
  const pos = new Map(graph.nodes.map((node, k) => [node.id, k]));
  let slot = 0;
  const nodes: CompiledNode[] = graph.nodes.map((node) => {
    const parents = graph.edges
      .filter((ed) => ed.target === node.id)
      .map((ed) => [pos.get(ed.source)!, ed.weight] as const);
    const source = parents.length === 0 ? (ROOT_SOURCE[node.id] ?? null) : null;
    const derived = parents.length > 0;
    const disturbance = derived && node.type !== "outcome" ? slot++ : -1;
    return {
      id: node.id,
      type: node.type,
      source,
      parents,
      exogenous: derived ? (EXOGENOUS[node.id] ?? null) : null,
      disturbance,
    };
  });
  const find = (pred: (n: CompiledNode) => boolean) => nodes.findIndex(pred);
  const engagement = find((x) => x.type === "engagement_state");
  const progress = find((x) => x.type === "lead_state");
  let sales = find((x) => x.id === "sales_process");
  let salesSign = 1;
  if (sales < 0) {
    sales = find((x) => x.id === "approval_friction" || x.id === "sales_friction");
    salesSign = -1;
  }
  const outcome = find((x) => x.type === "outcome");
  const k = nodes.length;
  return {
    nodes,
    mean: new Float64Array(k),
    sd: new Float64Array(k).fill(1),
    driverIndex: { engagement, progress, sales, salesSign, outcome },
  };
}

/** World facts a structural evaluation needs besides the population. */
export interface CausalInputs {
  /** Calendar (climate by month). */
  readonly calendar: WorldCalendar;
  /** Rep quality (z) per rep. */
  readonly repQuality: Float64Array;
}

function sourceValue(src: Source, pop: Population, i: number, inputs: CausalInputs): number {
  const a = pop.leadAccount[i]!;
  const c = pop.leadContact[i]!;
  switch (src) {
    case "climate":
      return inputs.calendar.climateByMonth[monthIndex(inputs.calendar, pop.leadCreated[i]!)]!;
    case "fit":
      return latentZ(pop.acctFit[a]!);
    case "budget":
      return latentZ(pop.acctBudget[a]!);
    case "maturity":
      return latentZ(pop.acctMaturity[a]!);
    case "confounder":
      return latentZ(pop.acctConfounder[a]!);
    case "authority":
      return latentZ(pop.cntAuthority[c]!);
    case "awareness":
      return latentZ(pop.cntAwareness[c]!);
    case "responsiveness":
      return latentZ(pop.cntResponsiveness[c]!);
    case "alignment":
      return latentZ(pop.cntAlignment[c]!);
    case "engagement":
      return latentZ(pop.cntEngagement[c]!);
    case "friction":
      return latentZ(pop.leadFriction[i]!);
    case "rep_quality":
      return inputs.repQuality[pop.leadRep[i]!]!;
  }
}

/**
 * Evaluate every node's raw (uncentred) value for lead `i` into `out`, in topological
 * order: roots read their trait, derived nodes sum weight × parent (centred and scaled) plus
 * their exogenous trait and disturbance.
 */
export function evaluateRaw(
  model: CausalModel,
  pop: Population,
  i: number,
  inputs: CausalInputs,
  out: Float64Array,
  scaled: Float64Array,
): void {
  const nodes = model.nodes;
  const nd = pop.nDisturbances;
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    let v = 0;
    if (node.source !== null) v = sourceValue(node.source, pop, i, inputs);
    else {
      for (const [p, w] of node.parents) v += w * scaled[p]!;
      if (node.exogenous) v += node.exogenous[1] * sourceValue(node.exogenous[0], pop, i, inputs);
      if (node.disturbance >= 0)
        v += DISTURBANCE_SD * pop.leadDisturbance[i * nd + node.disturbance]!;
    }
    out[k] = v;
    scaled[k] = (v - model.mean[k]!) / model.sd[k]!;
  }
}

/**
 * Calibrate the centring and scale of every node on a prototype sample, in topological
 * order (each node's scale is fixed before its children are evaluated), so every node — and
 * therefore every mechanism driver — has mean 0 and sd 1 in the population.
 */
export function standardizeModel(
  model: CausalModel,
  protos: Population,
  inputs: CausalInputs,
): void {
  const k = model.nodes.length;
  const n = protos.nLeads;
  const raw = new Float64Array(k);
  const scaled = new Float64Array(k);
  const values = new Float64Array(n * k);
  // Node by node: evaluating everything each pass keeps the code simple and n is small.
  for (let node = 0; node < k; node++) {
    for (let i = 0; i < n; i++) {
      evaluateRaw(model, protos, i, inputs, raw, scaled);
      values[i * k + node] = raw[node]!;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += values[i * k + node]!;
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (values[i * k + node]! - mean) ** 2;
    const sd = Math.sqrt(ss / Math.max(1, n - 1));
    model.mean[node] = mean;
    model.sd[node] = sd > 1e-9 ? sd : 1;
  }
}
