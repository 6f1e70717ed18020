import type { ExposureContract } from "@leadforge/core";

/**
 * What each exposure mode publishes. Core drops the omitted tables and redacted columns;
 * the scheme's renderer cuts rows at each lead's snapshot and shows opportunity stages as
 * of it (`snapshotSafe`).
 */
export const LEAD_SCORING_EXPOSURE: ExposureContract = {
  student_public: {
    omittedTables: ["customers", "subscriptions"],
    redactedColumns: {
      leads: ["converted_within_90_days", "conversion_timestamp", "current_stage", "is_sql"],
      opportunities: ["close_outcome", "closed_at", "stage"],
    },
    redactedFeatures: ["current_stage", "is_sql"],
    snapshotSafe: true,
    metadata: false,
    cutoff:
      "Every table is cut at each lead's snapshot (lead_created_at + snapshot_day, end of day): later touches, sessions, activities and opportunities are removed, and opportunities carry no stage or close columns (the stage would restate the withheld current_stage).",
  },
  research_instructor: {
    omittedTables: [],
    redactedColumns: {},
    redactedFeatures: [],
    snapshotSafe: false,
    metadata: true,
    cutoff:
      "No cut: tables cover each lead's whole simulated horizon; task features still use only lead days 0..snapshot_day (except the trap column).",
  },
};
