import type { DifficultyTier } from "../../config/enums.js";
import { type Band, createLabelBandProvider } from "../create-label-band-provider.js";
import { createTimeCutProvider } from "../create-time-cut-provider.js";
import {
  createJoinProbeProvider,
  type JoinProbeOptions,
} from "../probes/create-join-probe-provider.js";
import { createSplitProbeProvider } from "../probes/create-split-probe-provider.js";
import type { ValidationProvider } from "../types.js";

/** Options of {@link createLeadScoringValidators}; every threshold has the documented default. */
export interface LeadScoringValidatorOptions {
  /** Task id of the headline task. @default "converted_within_90_days" */
  readonly taskId?: string;
  /** Conversion-rate band per tier. @default intro 0.37–0.47, intermediate 0.18–0.24, advanced 0.06–0.10 */
  readonly labelBands?: Partial<Record<DifficultyTier, Band>>;
  /** Rows below which the band is only noted. @default 1000 */
  readonly bandMinRows?: number;
  /** ID-only AUC cap. @default 0.60 */
  readonly idOnlyMaxAuc?: number;
  /** Split label-drift cap. @default 0.10 */
  readonly labelDriftMax?: number;
  /** Trap-only (`total_touches_all`) AUC cap. @default 0.95 */
  readonly trapMaxAuc?: number;
  /** Stage-only (`current_stage`, `is_sql`) AUC cap. @default 0.95 */
  readonly stageMaxAuc?: number;
  /** Join-reconstruction probe options. @default maxLift 0.04 */
  readonly joinProbe?: JoinProbeOptions;
}

/**
 * The lead-scoring scheme's validators, ready for `defineScheme({ validators })`:
 *
 * - time cuts of public bundles: touches, sessions, sales activities and opportunities
 *   dated after `lead_created_at + snapshot_day` (manifest field `snapshot_day`);
 * - split probes with the reference's thresholds plus a stage-only subset
 *   (`current_stage`, `is_sql`) — replaces core's `split_probes`;
 * - the join-reconstruction probe (catches an end-of-horizon `opportunities.stage`) —
 *   replaces core's `join_probe`;
 * - the tier's conversion-rate band (design targets 0.42 / 0.21 / 0.08 with their tolerances).
 */
export function createLeadScoringValidators(
  options: LeadScoringValidatorOptions = {},
): ValidationProvider[] {
  const taskId = options.taskId ?? "converted_within_90_days";
  const anchored = (table: string, column: string) => ({
    table,
    column,
    via: "lead_id",
    anchorTable: "leads",
    anchorColumn: "lead_created_at",
    offsetDays: { manifestField: "snapshot_day" },
  });
  return [
    createTimeCutProvider({
      cuts: [
        anchored("touches", "touch_timestamp"),
        anchored("sessions", "session_timestamp"),
        anchored("sales_activities", "activity_timestamp"),
        anchored("opportunities", "created_at"),
      ],
    }),
    createSplitProbeProvider({
      idOnlyMaxAuc: options.idOnlyMaxAuc ?? 0.6,
      labelDriftMax: options.labelDriftMax ?? 0.1,
      trapMaxAuc: options.trapMaxAuc ?? 0.95,
      featureSubsets: [
        {
          name: "stage_only",
          columns: ["current_stage", "is_sql"],
          maxAuc: options.stageMaxAuc ?? 0.95,
        },
      ],
    }),
    createJoinProbeProvider({ maxLift: 0.04, ...options.joinProbe }),
    createLabelBandProvider({
      taskId,
      bands: options.labelBands ?? {
        intro: { min: 0.37, max: 0.47 },
        intermediate: { min: 0.18, max: 0.24 },
        advanced: { min: 0.06, max: 0.1 },
      },
      minRows: options.bandMinRows ?? 1000,
    }),
  ];
}
