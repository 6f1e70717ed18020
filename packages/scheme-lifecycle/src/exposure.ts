import type { ExposureContract } from "@leadforge/core";
import { END_OF_SIMULATION_COLUMNS } from "./tables.js";

/**
 * The lifecycle exposure contract. Core drops the redacted subscription columns; the scheme
 * does the row-level work in `render`: event tables cut at each customer's cutoff and invoice
 * statuses as of it.
 */
export const LIFECYCLE_EXPOSURE: ExposureContract = {
  student_public: {
    omittedTables: [],
    redactedColumns: { subscriptions: END_OF_SIMULATION_COLUMNS },
    redactedFeatures: [],
    snapshotSafe: true,
    metadata: false,
    cutoff:
      "Event tables end at the cutoff of the published regime (observation_date for calendar, each customer's start + early_tenure_weeks for early); invoice status is as of the cutoff.",
  },
  research_instructor: {
    omittedTables: [],
    redactedColumns: {},
    redactedFeatures: [],
    snapshotSafe: false,
    metadata: true,
    cutoff: "None: tables hold the full simulated history (right-censored at the horizon).",
  },
};
