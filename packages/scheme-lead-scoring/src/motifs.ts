/**
 * The five motif families of the reference and their canonical causal templates. A world
 * draws one family, then rewires its template (see `sample-graph.ts`). Unlike the reference,
 * the graph is executed: every edge is a term of a structural equation (see `causal-model.ts`).
 */

/** Motif families in canonical order (the seed picks one uniformly). */
export const MOTIF_FAMILIES = [
  "fit_dominant",
  "intent_dominant",
  "sales_execution_sensitive",
  "demo_trial_mediated",
  "buying_committee_friction",
] as const;

/** A motif family name. */
export type MotifFamily = (typeof MOTIF_FAMILIES)[number];

/** Node types of the hidden graph (the reference's nine plus `lead_latent` for per-lead traits). */
export type NodeType =
  | "global_context"
  | "account_latent"
  | "contact_latent"
  | "lead_latent"
  | "lead_state"
  | "engagement_state"
  | "sales_process_state"
  | "observable_feature_source"
  | "outcome"
  | "post_conversion_state";

/** A template node. */
export interface TemplateNode {
  /** Node id (stable across worlds). */
  readonly id: string;
  /** Node type. */
  readonly type: NodeType;
  /** Human label. */
  readonly label: string;
  /** Whether rewiring may drop it. */
  readonly optional?: boolean;
}

/** A template edge: `source → target` with a signed weight in sd units. */
export interface TemplateEdge {
  /** Parent node id. */
  readonly source: string;
  /** Child node id. */
  readonly target: string;
  /** Structural coefficient. */
  readonly weight: number;
}

/** A motif's canonical template. */
export interface MotifTemplate {
  /** Family name. */
  readonly family: MotifFamily;
  /** What the family means. */
  readonly description: string;
  /** Nodes in canonical order. */
  readonly nodes: readonly TemplateNode[];
  /** Edges in canonical order. */
  readonly edges: readonly TemplateEdge[];
  /** The node a latent confounder attaches to when rewiring adds one. */
  readonly confounderTarget: string;
}

const n = (id: string, type: NodeType, label: string, optional = false): TemplateNode =>
  optional ? { id, type, label, optional } : { id, type, label };
const e = (source: string, target: string, weight: number): TemplateEdge => ({
  source,
  target,
  weight,
});

/** The canonical templates, keyed by family (weights as in the reference). */
export const MOTIF_TEMPLATES: Readonly<Record<MotifFamily, MotifTemplate>> = {
  fit_dominant: {
    family: "fit_dominant",
    description:
      "Conversion is driven mainly by account and contact fit; engagement is partly downstream of fit.",
    nodes: [
      n("global_ctx", "global_context", "Market climate"),
      n("acct_fit", "account_latent", "Account fit"),
      n("acct_maturity", "account_latent", "Process maturity", true),
      n("contact_authority", "contact_latent", "Contact authority", true),
      n("budget_readiness", "account_latent", "Budget readiness"),
      n("lead_state", "lead_state", "Lead state"),
      n("engagement", "engagement_state", "Engagement"),
      n("conversion", "outcome", "Conversion"),
    ],
    edges: [
      e("global_ctx", "acct_fit", 0.3),
      e("global_ctx", "acct_maturity", 0.2),
      e("acct_fit", "lead_state", 0.7),
      e("acct_fit", "engagement", 0.5),
      e("acct_maturity", "lead_state", 0.4),
      e("budget_readiness", "lead_state", 0.5),
      e("contact_authority", "lead_state", 0.3),
      e("lead_state", "engagement", 0.4),
      e("lead_state", "conversion", 0.6),
      e("engagement", "conversion", 0.3),
    ],
    confounderTarget: "lead_state",
  },
  intent_dominant: {
    family: "intent_dominant",
    description: "Behavioural engagement and urgency dominate, even for mixed fit.",
    nodes: [
      n("global_ctx", "global_context", "Market climate"),
      n("acct_fit", "account_latent", "Account fit", true),
      n("problem_awareness", "contact_latent", "Problem awareness"),
      n("urgency", "lead_state", "Urgency"),
      n("engagement", "engagement_state", "Engagement"),
      n("intent_score", "observable_feature_source", "Intent score"),
      n("conversion", "outcome", "Conversion"),
    ],
    edges: [
      e("global_ctx", "problem_awareness", 0.25),
      e("acct_fit", "engagement", 0.2),
      e("problem_awareness", "urgency", 0.6),
      e("problem_awareness", "engagement", 0.6),
      e("urgency", "intent_score", 0.7),
      e("engagement", "intent_score", 0.6),
      e("intent_score", "conversion", 0.8),
      e("urgency", "conversion", 0.4),
    ],
    confounderTarget: "urgency",
  },
  sales_execution_sensitive: {
    family: "sales_execution_sensitive",
    description: "Follow-up timing, rep quality and process friction matter beyond lead traits.",
    nodes: [
      n("global_ctx", "global_context", "Market climate"),
      n("acct_fit", "account_latent", "Account fit"),
      n("contact_responsiveness", "contact_latent", "Contact responsiveness", true),
      n("lead_state", "lead_state", "Lead state"),
      n("sales_process", "sales_process_state", "Sales process"),
      n("rep_quality", "sales_process_state", "Rep quality"),
      n("sales_friction", "sales_process_state", "Sales friction", true),
      n("conversion", "outcome", "Conversion"),
    ],
    edges: [
      e("global_ctx", "acct_fit", 0.3),
      e("global_ctx", "rep_quality", 0.2),
      e("acct_fit", "lead_state", 0.4),
      e("contact_responsiveness", "lead_state", 0.35),
      e("lead_state", "sales_process", 0.5),
      e("rep_quality", "sales_process", 0.6),
      e("rep_quality", "sales_friction", -0.5),
      e("sales_process", "conversion", 0.6),
      e("sales_friction", "conversion", -0.4),
    ],
    confounderTarget: "lead_state",
  },
  demo_trial_mediated: {
    family: "demo_trial_mediated",
    description: "Demo and trial progression mediate between engagement and conversion.",
    nodes: [
      n("global_ctx", "global_context", "Market climate"),
      n("acct_fit", "account_latent", "Account fit"),
      n("problem_awareness", "contact_latent", "Problem awareness"),
      n("engagement", "engagement_state", "Engagement"),
      n("demo_completion", "lead_state", "Demo completion"),
      n("trial_depth", "observable_feature_source", "Trial depth", true),
      n("sales_process", "sales_process_state", "Sales process"),
      n("conversion", "outcome", "Conversion"),
    ],
    edges: [
      e("global_ctx", "acct_fit", 0.3),
      e("acct_fit", "engagement", 0.4),
      e("problem_awareness", "engagement", 0.5),
      e("engagement", "demo_completion", 0.6),
      e("acct_fit", "demo_completion", 0.4),
      e("demo_completion", "trial_depth", 0.7),
      e("demo_completion", "sales_process", 0.5),
      e("trial_depth", "conversion", 0.6),
      e("sales_process", "conversion", 0.4),
    ],
    confounderTarget: "demo_completion",
  },
  buying_committee_friction: {
    family: "buying_committee_friction",
    description:
      "Multiple stakeholders and approval friction slow or block progression; authority and consensus dominate.",
    nodes: [
      n("global_ctx", "global_context", "Market climate"),
      n("acct_fit", "account_latent", "Account fit"),
      n("contact_authority", "contact_latent", "Contact authority"),
      n("committee_alignment", "contact_latent", "Committee alignment", true),
      n("lead_state", "lead_state", "Lead state"),
      n("approval_friction", "sales_process_state", "Approval friction", true),
      n("engagement", "engagement_state", "Engagement"),
      n("conversion", "outcome", "Conversion"),
    ],
    edges: [
      e("global_ctx", "acct_fit", 0.3),
      e("global_ctx", "committee_alignment", 0.2),
      e("acct_fit", "lead_state", 0.45),
      e("contact_authority", "lead_state", 0.5),
      e("committee_alignment", "approval_friction", -0.6),
      e("lead_state", "engagement", 0.4),
      e("engagement", "approval_friction", -0.3),
      e("contact_authority", "approval_friction", -0.4),
      e("approval_friction", "conversion", -0.5),
      e("lead_state", "conversion", 0.4),
      e("engagement", "conversion", 0.3),
    ],
    confounderTarget: "lead_state",
  },
};
