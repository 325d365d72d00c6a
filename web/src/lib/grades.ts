import type { GradeOut } from "@mentora/client";

export interface Criterion {
  key: "critical_thinking" | "comprehension" | "communication";
  label: string;
  /** Share of the final score. */
  weight: number;
}

/**
 * The grading rubric. The API sends each criterion's score and the weighted final score,
 * but not the weights: they are written here once, as the server's grader weighs them.
 */
export const RUBRIC: readonly Criterion[] = [
  { key: "critical_thinking", label: "Critical thinking", weight: 0.4 },
  { key: "comprehension", label: "Comprehension", weight: 0.3 },
  { key: "communication", label: "Communication", weight: 0.3 },
];

export function percent(weight: number): string {
  return `${Math.round(weight * 100)}%`;
}

export function scoreText(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

export function rubricScores(grade: GradeOut): { criterion: Criterion; score: number }[] {
  return RUBRIC.map((criterion) => ({ criterion, score: grade[criterion.key] }));
}

/** What the LMS has of a grade, in words. */
export const LMS_STATUS_LABELS: Record<GradeOut["lms_status"], string> = {
  pending: "Pending",
  published: "Published",
  not_configured: "No LMS",
};
