/** Grades counted per score band (0–9, 10–19, …, 90–100), one count per group. */
export const BAND_LABELS: readonly string[] = Array.from({ length: 10 }, (_, band) =>
  band === 9 ? "90–100" : `${band * 10}–${band * 10 + 9}`,
);

/** The band a score falls in; 100 belongs with the 90s, a fraction with its whole number. */
export function bandOf(score: number): number {
  return Math.min(9, Math.max(0, Math.floor(score / 10)));
}

export interface Distribution {
  /** The groups, in the order first met. */
  groups: string[];
  /** counts[band][group]: how many of the group's grades fall in the band. */
  counts: number[][];
}

export function distribution<T>(items: readonly T[], scoreOf: (item: T) => number, groupOf: (item: T) => string): Distribution {
  const groups: string[] = [];
  const index = new Map<string, number>();
  const counts = BAND_LABELS.map(() => [] as number[]);
  for (const item of items) {
    const group = groupOf(item);
    let column = index.get(group);
    if (column === undefined) {
      column = groups.length;
      index.set(group, column);
      groups.push(group);
      for (const row of counts) row.push(0);
    }
    const row = counts[bandOf(scoreOf(item))];
    if (row !== undefined) row[column] = (row[column] ?? 0) + 1;
  }
  return { groups, counts };
}
