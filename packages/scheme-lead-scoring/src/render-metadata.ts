import {
  type ColumnSpec,
  createCellTable,
  defineTable,
  type MetadataFile,
  type TableSpec,
} from "@leadforge/core";
import type { LeadScoringWorld } from "./build-world.js";
import { HAZARD_SLOTS } from "./mechanisms.js";
import { driverOf } from "./oracle-scores.js";
import type { IdCache } from "./render-tables.js";
import type { GraphEdge, GraphNode } from "./sample-graph.js";

const num = (name: string, description: string): ColumnSpec => ({
  name,
  type: "float64",
  description,
});

const ACCOUNT_LATENTS = defineTable({
  name: "account_latents",
  description: "Hidden traits of every account.",
  primaryKey: "account_id",
  columns: [
    { name: "account_id", type: "string", role: "identifier", description: "Account id." },
    num("latent_account_fit", "How well the account fits the product (0..1)."),
    num("latent_budget_readiness", "Budget availability (0..1)."),
    num("latent_process_maturity", "Process maturity (0..1)."),
    num(
      "latent_confounder",
      "Confounder trait, read only when the graph has a latent_confounder node (0..1).",
    ),
  ],
});

const CONTACT_LATENTS = defineTable({
  name: "contact_latents",
  description: "Hidden traits of every contact.",
  primaryKey: "contact_id",
  columns: [
    { name: "contact_id", type: "string", role: "identifier", description: "Contact id." },
    num("latent_problem_awareness", "Awareness of the problem the product solves (0..1)."),
    num("latent_contact_authority", "Decision authority (0..1)."),
    num("latent_responsiveness", "Responsiveness to sales (0..1)."),
    num("latent_engagement_propensity", "Propensity to engage with marketing (0..1)."),
    num("latent_committee_alignment", "Alignment of the buying committee (0..1)."),
  ],
});

const LEAD_LATENTS = defineTable({
  name: "lead_latents",
  description: "Hidden traits, mechanism drivers and daily hazards of every lead.",
  primaryKey: "lead_id",
  columns: [
    { name: "lead_id", type: "string", role: "identifier", description: "Lead id." },
    num("latent_sales_friction", "Sales friction (0..1)."),
    num(
      "outreach_cadence",
      "How hard the lead is worked (z); drives touch volume and the inverted-U fatigue term.",
    ),
    num("pricing_intent", "Pricing intent (z); drives pricing-page views and the threshold term."),
    num("idiosyncratic_noise", "Unobserved noise (z) inside the conversion logit."),
    num("driver_engagement", "Engagement driver E (z)."),
    num("driver_progress", "Funnel-speed driver P (z)."),
    num("driver_sales", "Sales-process driver S (z)."),
    num("graph_outcome", "Value of the hidden graph's outcome node C (z)."),
    num(
      "conversion_logit",
      "η: the early conversion logit (graph outcome, channel, hidden noise).",
    ),
    num("late_noise_term", "Hidden noise added to the close logit only."),
    num(
      "engagement_block",
      "Observable non-linear block from the engagement window (fatigue + pricing threshold + seniority × sessions); 0 if the lead closed before the window ended.",
    ),
    num("idiosyncratic_late_noise", "Unobserved late noise (z) before weighting."),
    num("daily_churn_probability", "Daily probability of dropping out (closed_lost)."),
    num(
      "daily_close_probability",
      "Daily probability of closing won at negotiation (outside quarter ends).",
    ),
    num("prior_conversion_probability", "True probability of the label at lead creation."),
  ],
});

const ORACLE_COLUMNS = (taskId: string): TableSpec =>
  defineTable({
    name: `oracle_${taskId}`,
    description: "True probability of the label given the hidden state at the snapshot.",
    primaryKey: "lead_id",
    columns: [
      { name: "lead_id", type: "string", role: "identifier", description: "Lead id." },
      num("oracle_score", "True probability of the label given everything hidden at the snapshot."),
    ],
  });

function floats(values: ArrayLike<number>): number[] {
  return Array.from(values as ArrayLike<number>);
}

function graphForExport(world: LeadScoringWorld): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const { graph, mech, model } = world;
  const nodes: GraphNode[] = graph.nodes.map((x) => ({ ...x }));
  const edges: GraphEdge[] = graph.edges.map((x) => ({ ...x }));
  const outcome = model.nodes[model.driverIndex.outcome]?.id ?? "conversion";
  const w = mech.engagementWindow;
  const node = (id: string, type: GraphNode["type"], label: string): GraphNode => ({
    id,
    type,
    label,
    metadata: {},
  });
  const edge = (
    source: string,
    target: string,
    weight: number,
    metadata: Record<string, string | number>,
  ): GraphEdge => ({ source, target, weight, metadata });
  const nl = mech.closeEta * mech.nonlinearWeight;
  const se = mech.seniorityEngagement;
  nodes.push(
    node("lead_source", "observable_feature_source", "Lead source"),
    node("idiosyncratic_noise", "lead_latent", "Unobserved noise"),
    node("outreach_cadence", "lead_latent", "Outreach cadence"),
    node("pricing_intent", "lead_latent", "Pricing intent"),
    node("seniority", "observable_feature_source", "Contact seniority"),
    node("late_noise", "lead_latent", "Unobserved closing noise"),
    node("window_touches", "observable_feature_source", `Touches, lead days 0..${w}`),
    node(
      "window_pricing_views",
      "observable_feature_source",
      `Pricing-page views, lead days 0..${w}`,
    ),
    node("window_sessions", "observable_feature_source", `Web sessions, lead days 0..${w}`),
    node("closing", "outcome", "Closing after the engagement window"),
  );
  edges.push(
    edge("lead_source", outcome, mech.channelWeight, {
      form: "categorical",
      effects: JSON.stringify(mech.channelConversion),
    }),
    edge("idiosyncratic_noise", outcome, mech.noiseWeight, { form: "linear" }),
    edge("outreach_cadence", "window_touches", mech.touches.cadence, { form: "log_rate" }),
    edge("pricing_intent", "window_pricing_views", mech.pricingViews.intent, { form: "log_rate" }),
    edge(outcome, "closing", mech.closeEta, { form: "linear" }),
    edge("late_noise", "closing", mech.closeEta * mech.lateNoiseWeight, { form: "linear" }),
    edge("window_touches", "closing", nl * mech.fatigue.coef, {
      form: "inverted_u",
      peak: mech.fatigue.peak,
      scale: mech.fatigue.scale,
    }),
    edge("window_pricing_views", "closing", nl * mech.pricingThreshold.step, {
      form: "threshold",
      cutoff: mech.pricingThreshold.cutoff,
    }),
    edge("window_sessions", "closing", nl * se.coef, {
      form: "interaction",
      with: "seniority",
      center: se.center,
      scale: se.scale,
    }),
    edge("seniority", "closing", nl * se.coef, { form: "interaction", with: "window_sessions" }),
  );
  return { nodes, edges };
}

function escapeXml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** GraphML text of the executed graph (node_type, label; edge weight and metadata JSON). */
export function renderGraphml(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  family: string,
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="node_type" for="node" attr.name="node_type" attr.type="string"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="metadata_json" for="edge" attr.name="metadata_json" attr.type="string"/>',
    '  <key id="motif_family" for="graph" attr.name="motif_family" attr.type="string"/>',
    '  <graph id="hidden_graph" edgedefault="directed">',
    `    <data key="motif_family">${escapeXml(family)}</data>`,
  ];
  for (const x of nodes) {
    lines.push(
      `    <node id="${escapeXml(x.id)}"><data key="node_type">${x.type}</data><data key="label">${escapeXml(x.label)}</data></node>`,
    );
  }
  edges.forEach((ed, k) => {
    lines.push(
      `    <edge id="e${k}" source="${escapeXml(ed.source)}" target="${escapeXml(ed.target)}"><data key="weight">${ed.weight}</data><data key="metadata_json">${escapeXml(JSON.stringify(ed.metadata))}</data></edge>`,
    );
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

/** Instructor metadata: the executed graph, latents, mechanism summary and oracle scores. */
export function renderMetadata(world: LeadScoringWorld, ids: IdCache): MetadataFile[] {
  const { pop, outcomes, mech, graph, calibration, params, profile } = world;
  const { nodes, edges } = graphForExport(world);
  const graphJson = {
    motif_family: graph.family,
    dropped_nodes: graph.droppedNodes,
    confounder: graph.confounder,
    nodes: nodes.map((x) => ({
      node_id: x.id,
      node_type: x.type,
      label: x.label,
      metadata: x.metadata,
    })),
    edges: edges.map((ed) => ({
      source: ed.source,
      target: ed.target,
      weight: ed.weight,
      metadata: ed.metadata,
    })),
  };
  // Computed when written, like the public tables (no 1M-row copy of the latents in memory).
  const column = (values: ArrayLike<number>) => (r: number) => values[r]!;
  const accounts = createCellTable({
    spec: ACCOUNT_LATENTS,
    length: pop.nAccounts,
    cells: [
      (a) => ids.accounts[a]!,
      column(pop.acctFit),
      column(pop.acctBudget),
      column(pop.acctMaturity),
      column(pop.acctConfounder),
    ],
  });
  const contacts = createCellTable({
    spec: CONTACT_LATENTS,
    length: pop.nContacts,
    cells: [
      (c) => ids.contacts[c]!,
      column(pop.cntAwareness),
      column(pop.cntAuthority),
      column(pop.cntResponsiveness),
      column(pop.cntEngagement),
      column(pop.cntAlignment),
    ],
  });
  const n = pop.nLeads;
  const driver = (slot: number) => (i: number) => driverOf(world, i, slot);
  const hazard = (slot: number) => (i: number) => outcomes.hazards[i * HAZARD_SLOTS + slot]!;
  const leads = createCellTable({
    spec: LEAD_LATENTS,
    length: n,
    cells: [
      (i) => ids.leads[i]!,
      column(pop.leadFriction),
      column(pop.leadCadence),
      column(pop.leadPricingIntent),
      column(pop.leadNoise),
      driver(0),
      driver(1),
      driver(2),
      driver(3),
      driver(4),
      driver(5),
      driver(6),
      column(pop.leadLateNoise),
      hazard(6),
      hazard(7),
      // Scored with the world, on the world-building threads (see `buildWorld`).
      column(outcomes.prior),
    ],
  });
  const oracle = createCellTable({
    spec: ORACLE_COLUMNS(params.primary_task),
    length: n,
    cells: [(i) => ids.leads[i]!, column(outcomes.oracle)],
  });
  const summary = {
    motif_family: graph.family,
    tier: profile,
    calibration,
    equations: {
      structural:
        "each derived graph node = Σ weight × (standardised parent) + exogenous trait + 0.5 × N(0,1) disturbance; every node is then standardised on a 2,000-lead prototype sample",
      conversion_logit:
        "η = signal_weight × C + channel_conversion[lead_source] + noise_weight × ε (C = the graph's outcome node)",
      engagement_block:
        "B = fatigue.coef × (1 − min(4, ((touches − peak)/scale)²)) + pricing_threshold.step × 1{pricing views ≥ cutoff} + seniority_engagement.coef × seniority_z × (sessions − center)/scale, counted on lead days 0..engagement_window",
      advance:
        "P(advance | stage s, dwell ≥ min_dwell) = σ(advance_intercepts[s] + advance_progress × P + advance_eta × η / max(1, signal_weight / 2) + channel_advance[lead_source]); no close before close_min_dwell_days in negotiation",
      churn: "P(churn per day) = σ(churn_intercept − churn_eta × η)",
      close:
        "P(close won per day at negotiation) = σ(close_intercept + calibration_shift + close_eta × (η + late_noise_weight × δ [+ nonlinear_weight × B after the engagement window]) [+ quarter_end_bonus])",
      direct: "P(direct conversion per day at mql/sal) = direct_conversion_factor × P(close)",
    },
    mechanisms: mech,
    standardisation: world.model.nodes.map((x, k) => ({
      node_id: x.id,
      mean: world.model.mean[k],
      sd: world.model.sd[k],
    })),
    reps: { quality: floats(world.repQuality), cadence_style: floats(world.repCadence) },
    market_climate_by_month: floats(world.calendar.climateByMonth),
  };
  const latentIndex = {
    description:
      "Hidden traits of every entity, as Parquet tables next to this file (post-simulation values).",
    files: {
      accounts: "latent_registry/accounts.parquet",
      contacts: "latent_registry/contacts.parquet",
      leads: "latent_registry/leads.parquet",
    },
    columns: {
      accounts: ACCOUNT_LATENTS.columns.map((c) => ({ name: c.name, description: c.description })),
      contacts: CONTACT_LATENTS.columns.map((c) => ({ name: c.name, description: c.description })),
      leads: LEAD_LATENTS.columns.map((c) => ({ name: c.name, description: c.description })),
    },
  };
  return [
    { path: "graph.json", content: graphJson },
    { path: "graph.graphml", content: renderGraphml(nodes, edges, graph.family) },
    { path: "latent_registry.json", content: latentIndex },
    { path: "latent_registry/accounts.parquet", table: accounts },
    { path: "latent_registry/contacts.parquet", table: contacts },
    { path: "latent_registry/leads.parquet", table: leads },
    { path: "mechanism_summary.json", content: summary },
    { path: `oracle/${params.primary_task}.parquet`, table: oracle },
  ];
}
