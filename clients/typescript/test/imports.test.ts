import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PACKAGE_ROOT } from "./support/paths.js";

const SOURCE_DIR = join(PACKAGE_ROOT, "src");

/** Each module of src and the modules it imports or re-exports, type-only ones included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(SOURCE_DIR).filter((name) => name.endsWith(".ts"))) {
    const source = readFileSync(join(SOURCE_DIR, file), "utf8");
    const imported = [...source.matchAll(/\bfrom\s+"\.\/([\w.-]+)\.js"/g)].map((match) => `${match[1]}.ts`);
    graph.set(file, [...new Set(imported)]);
  }
  return graph;
}

/** A cycle of the graph as the modules along it, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (module: string): string[] | null => {
    const open = path.indexOf(module);
    if (open >= 0) return [...path.slice(open), module];
    if (done.has(module)) return null;
    path.push(module);
    for (const next of graph.get(module) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(module);
    return null;
  };
  for (const module of graph.keys()) {
    const cycle = visit(module);
    if (cycle) return cycle;
  }
  return null;
}

test("the client imports its resources, which know it only as a Requester", () => {
  const graph = importGraph();
  assert.ok(graph.get("client.ts")?.includes("resources.ts"));
  assert.ok(!graph.get("resources.ts")?.includes("client.ts"));
});

test("no module of src imports one that imports it back, even only for types", () => {
  assert.equal(findCycle(importGraph())?.join(" -> ") ?? null, null);
});
