import type { BuildContext, RenderedBundle } from "@leadforge/core";
import type { LeadScoringWorld } from "./build-world.js";
import { renderDatasetCard } from "./dataset-card.js";
import { LEAD_SCORING_EXPOSURE } from "./exposure.js";
import type { LeadScoringNarrative } from "./narrative.js";
import type { LeadScoringParams } from "./params.js";
import type { LeadScoringProfile } from "./profile.js";
import { renderMetadata } from "./render-metadata.js";
import { buildSnapshotTable, distortSnapshot } from "./render-snapshot.js";
import { buildIdCache, renderRelationalTables } from "./render-tables.js";
import { LEAD_SCORING_TASK } from "./task.js";

/**
 * Render the world for the requested exposure mode: relational tables (cut at the snapshot
 * in public mode), the lead snapshot task with the tier's distortions, the feature
 * dictionary, instructor metadata and the dataset card.
 */
export function render(
  world: LeadScoringWorld,
  ctx: BuildContext<LeadScoringParams, LeadScoringNarrative, LeadScoringProfile>,
): RenderedBundle {
  const mode = ctx.config.common.exposure_mode;
  const rule = LEAD_SCORING_EXPOSURE[mode];
  const ids = buildIdCache(world);
  const tables = renderRelationalTables({
    world,
    ids,
    snapshotSafe: rule.snapshotSafe,
    includeCustomers: !rule.omittedTables.includes("customers"),
  });
  const snapshot = distortSnapshot(world, buildSnapshotTable(world, ids), ids, ctx.rng);
  const { params } = world;
  const spec = {
    ...LEAD_SCORING_TASK,
    id: params.primary_task,
    labelWindowDays: params.label_window_days,
    description: `Binary label: the lead reaches closed_won within ${params.label_window_days} days of its creation (an event of the simulated funnel, never sampled directly). Features use lead days 0..${params.snapshot_day} only, except the documented trap column.`,
  };
  const { pop, outcomes } = world;
  let conversions = 0;
  for (let i = 0; i < pop.nLeads; i++) {
    const d = outcomes.convDay[i]!;
    if (d >= 0 && d <= params.label_window_days) conversions++;
  }
  return {
    tables,
    tasks: [
      {
        spec,
        table: snapshot,
        rowKeys: ids.leads,
        groupKeys: Array.from(pop.leadAccount, (a) => ids.accounts[a]!),
      },
    ],
    featureDictionary: snapshot.spec.columns,
    metadata: rule.metadata ? renderMetadata(world, ids) : [],
    manifestFields: {
      n_accounts: pop.nAccounts,
      n_contacts: pop.nContacts,
      n_leads: pop.nLeads,
      horizon_days: params.horizon_days,
      primary_task: params.primary_task,
      label_window_days: params.label_window_days,
      snapshot_day: params.snapshot_day,
      n_opportunities: world.oppLeads.length,
      n_customers: world.customerLeads.length,
      conversion_rate: pop.nLeads > 0 ? conversions / pop.nLeads : 0,
    },
    motifFamily: rule.metadata ? world.graph.family : null,
    datasetCard: (facts) => renderDatasetCard(world, facts),
  };
}
