/** The shape every benchmark section reports: one row per measured figure, with its goal and whether it was met. */

/** One line of the results table. */
export interface GoalRow {
  /** Section, e.g. "API economy". */
  section: string;
  /** What was measured. */
  metric: string;
  /** The measured figure, formatted. */
  measured: string;
  /** The goal or floor, formatted (empty for informational rows). */
  goal: string;
  /** Whether the goal was met; null for informational rows. */
  met: boolean | null;
  /** Short explanation or detail. */
  note?: string;
}

/** A section's rows plus its raw figures (written to the JSON results). */
export interface SectionResult {
  rows: GoalRow[];
  data: Record<string, unknown>;
}
