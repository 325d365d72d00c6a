import { describe, expect, it } from "vitest";
import { BAND_LABELS, bandOf, distribution } from "./score-bands";

describe("score bands", () => {
  it("puts 100 with the 90s and fractions with their whole number", () => {
    expect(bandOf(0)).toBe(0);
    expect(bandOf(9.99)).toBe(0);
    expect(bandOf(10)).toBe(1);
    expect(bandOf(89.9)).toBe(8);
    expect(bandOf(100)).toBe(9);
    expect(BAND_LABELS[0]).toBe("0–9");
    expect(BAND_LABELS[9]).toBe("90–100");
  });

  it("counts each group's grades per band", () => {
    const grades = [
      { score: 72, group: "harbour" },
      { score: 75.5, group: "harbour" },
      { score: 95, group: "bridge" },
      { score: 5, group: "harbour" },
    ];
    const { groups, counts } = distribution(grades, (g) => g.score, (g) => g.group);
    expect(groups).toEqual(["harbour", "bridge"]);
    expect(counts[7]).toEqual([2, 0]);
    expect(counts[9]).toEqual([0, 1]);
    expect(counts[0]).toEqual([1, 0]);
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });
});
