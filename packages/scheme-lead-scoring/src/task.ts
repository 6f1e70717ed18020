import type { TaskSpec } from "@leadforge/core";
import { LABEL_COLUMN } from "./snapshot-spec.js";

/** The headline task (id and window follow `primary_task` / `label_window_days`). */
export const LEAD_SCORING_TASK: TaskSpec = {
  id: "converted_within_90_days",
  type: "binary_classification",
  labelColumn: LABEL_COLUMN,
  primaryTable: "leads",
  labelWindowDays: 90,
  description:
    "Binary label: the lead reaches closed_won within the label window of its creation. Features describe the lead as of the snapshot day.",
};
