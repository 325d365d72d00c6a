import { describe, expect, it } from "vitest";
import { csvCell, datedFileName, toCsv } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and line breaks, and nothing else", () => {
    expect(csvCell("Okafor, Amara")).toBe('"Okafor, Amara"');
    expect(csvCell('The "harbour" case')).toBe('"The ""harbour"" case"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(70.9)).toBe("70.9");
    expect(csvCell(null)).toBe("");
  });

  it("keeps a spreadsheet from running a cell as a formula", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1,2")).toBe("\"'-1,2\"");
  });

  it("writes rows with CRLF line ends", () => {
    expect(toCsv(["a", "b"], [["x", 1], ["y, z", null]])).toBe('a,b\r\nx,1\r\n"y, z",\r\n');
  });

  it("names the file by the local date", () => {
    expect(datedFileName("grades", new Date(2026, 0, 5, 23, 59))).toBe("grades-2026-01-05.csv");
  });
});
