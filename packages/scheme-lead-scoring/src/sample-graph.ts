import { InvalidConfigError, type Rng } from "@leadforge/core";
import {
  MOTIF_FAMILIES,
  MOTIF_TEMPLATES,
  type MotifFamily,
  type NodeType,
  type TemplateEdge,
  type TemplateNode,
} from "./motifs.js";

/** A node of a world's hidden graph. */
export interface GraphNode extends TemplateNode {
  /** Extra facts (e.g. the functional form of a mechanism node). */
  readonly metadata: Readonly<Record<string, string | number>>;
}

/** An edge of a world's hidden graph. */
export interface GraphEdge extends TemplateEdge {
  /** Functional form and notes; empty for the plain linear structural terms. */
  readonly metadata: Readonly<Record<string, string | number>>;
}

/** A sampled (rewired) hidden graph. */
export interface HiddenGraph {
  /** The motif family. */
  readonly family: MotifFamily;
  /** Nodes in topological order. */
  readonly nodes: readonly GraphNode[];
  /** Edges in template order (then added edges). */
  readonly edges: readonly GraphEdge[];
  /** Optional template nodes the rewiring dropped. */
  readonly droppedNodes: readonly string[];
  /** Whether a latent confounder was added. */
  readonly confounder: boolean;
}

const ROOT_TYPES: ReadonlySet<NodeType> = new Set([
  "global_context",
  "account_latent",
  "contact_latent",
  "lead_latent",
]);
const LEAF_TYPES: ReadonlySet<NodeType> = new Set(["outcome", "post_conversion_state"]);

const DROP_PROBABILITY = 0.4;
const JITTER = 0.15;
const CONFOUNDER_PROBABILITY = 0.35;
const MAX_ATTEMPTS = 20;

/** Nodes in topological order (Kahn, ties in input order); null when the graph has a cycle. */
export function topologicalOrder<N extends { id: string }>(
  nodes: readonly N[],
  edges: readonly { source: string; target: string }[],
): N[] | null {
  const indeg = new Map(nodes.map((x) => [x.id, 0]));
  for (const ed of edges) indeg.set(ed.target, (indeg.get(ed.target) ?? 0) + 1);
  const out: N[] = [];
  const done = new Set<string>();
  while (out.length < nodes.length) {
    const next = nodes.find((x) => !done.has(x.id) && indeg.get(x.id) === 0);
    if (!next) return null;
    done.add(next.id);
    out.push(next);
    for (const ed of edges)
      if (ed.source === next.id) indeg.set(ed.target, indeg.get(ed.target)! - 1);
  }
  return out;
}

/** Check the structural rules of a hidden graph; returns the first violation or null. */
export function graphViolation(
  nodes: readonly TemplateNode[],
  edges: readonly TemplateEdge[],
): string | null {
  const ids = new Set(nodes.map((x) => x.id));
  if (ids.size !== nodes.length) return "duplicate node ids";
  if (nodes.length < 2 || edges.length < 1) return "too small";
  for (const ed of edges) {
    if (!ids.has(ed.source) || !ids.has(ed.target))
      return `dangling edge ${ed.source}→${ed.target}`;
    if (!(ed.weight >= -1 && ed.weight <= 1))
      return `weight out of range on ${ed.source}→${ed.target}`;
  }
  for (const x of nodes) {
    const parents = edges.filter((ed) => ed.target === x.id).length;
    const children = edges.filter((ed) => ed.source === x.id).length;
    if (!ROOT_TYPES.has(x.type) && parents === 0)
      return `node '${x.id}' (${x.type}) needs a parent`;
    if (LEAF_TYPES.has(x.type) && children > 0) return `node '${x.id}' (${x.type}) must be a leaf`;
  }
  if (!nodes.some((x) => x.type === "outcome")) return "no outcome node";
  if (topologicalOrder(nodes, edges) === null) return "cycle";
  return null;
}

/**
 * Draw the motif family (uniform, unless pinned) and rewire its template: drop each optional
 * node with probability 0.40, jitter every surviving weight by U(−0.15, 0.15) (clamped to
 * [−1, 1]), and with probability 0.35 add a latent account-level confounder feeding the
 * template's first state node with weight U(0.10, 0.50) — the reference's rules. Retries
 * (up to 20) if a rewiring breaks the structural rules.
 */
export function sampleGraph(rng: Rng, pinned?: MotifFamily): HiddenGraph {
  const familyDraw = rng.int(0, MOTIF_FAMILIES.length - 1);
  const family = pinned ?? MOTIF_FAMILIES[familyDraw]!;
  const template = MOTIF_TEMPLATES[family];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const dropped = new Set<string>();
    for (const node of template.nodes) {
      if (node.optional && rng.next() < DROP_PROBABILITY) dropped.add(node.id);
    }
    const nodes: TemplateNode[] = template.nodes.filter((x) => !dropped.has(x.id));
    const edges: TemplateEdge[] = [];
    for (const ed of template.edges) {
      if (dropped.has(ed.source) || dropped.has(ed.target)) continue;
      const w = Math.min(1, Math.max(-1, ed.weight + rng.uniform(-JITTER, JITTER)));
      edges.push({ ...ed, weight: Math.round(w * 1e6) / 1e6 });
    }
    const confounder = rng.next() < CONFOUNDER_PROBABILITY;
    if (confounder) {
      nodes.push({ id: "latent_confounder", type: "account_latent", label: "Latent confounder" });
      edges.push({
        source: "latent_confounder",
        target: template.confounderTarget,
        weight: Math.round(rng.uniform(0.1, 0.5) * 1e6) / 1e6,
      });
    }
    if (graphViolation(nodes, edges) !== null) continue;
    const ordered = topologicalOrder(nodes, edges)!;
    return {
      family,
      nodes: ordered.map((x) => ({ ...x, metadata: {} })),
      edges: edges.map((ed) => ({ ...ed, metadata: {} })),
      droppedNodes: [...dropped],
      confounder,
    };
  }
  throw new InvalidConfigError(`could not sample a valid hidden graph for motif '${family}'`);
}
