#!/usr/bin/env node
/**
 * The size budget of the first page load: the JavaScript the built index.html loads before
 * anything else (its entry module and the modules it preloads), gzipped, must stay under
 * the budget. Screens loaded later, when first visited, do not count.
 *
 *   node scripts/check-size.mjs [build dir] [--budget-kb 250]
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const budgetAt = args.indexOf("--budget-kb");
const budgetKb = budgetAt >= 0 ? Number(args.splice(budgetAt, 2)[1]) : 250;
const build = resolve(args[0] ?? fileURLToPath(new URL("../../src/mentora/_web", import.meta.url)));

let html;
try {
  html = readFileSync(join(build, "index.html"), "utf8");
} catch {
  console.error(`no build in ${build}: run \`vite build\` first`);
  process.exit(2);
}

const attribute = (tag, name) => new RegExp(`\\s${name}=["']([^"']+)["']`).exec(tag)?.[1];
const initial = new Set();
for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
  const src = attribute(tag, "src");
  if (src !== undefined) initial.add(src);
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
  const rel = attribute(tag, "rel");
  const href = attribute(tag, "href");
  if (href !== undefined && rel === "modulepreload") initial.add(href);
}
if (initial.size === 0) {
  console.error("index.html loads no script: nothing to measure");
  process.exit(1);
}

let total = 0;
for (const url of [...initial].sort()) {
  const path = join(build, url.replace(/^\//, "").split("?")[0]);
  const gzipped = gzipSync(readFileSync(path), { level: 9 }).length;
  total += gzipped;
  console.log(`  ${(gzipped / 1024).toFixed(1).padStart(7)} kB  ${url}`);
}
const kb = total / 1024;
console.log(`initial JavaScript: ${kb.toFixed(1)} kB gzipped (budget ${budgetKb} kB, ${initial.size} files)`);
if (kb > budgetKb) {
  console.error(`over the size budget by ${(kb - budgetKb).toFixed(1)} kB`);
  process.exit(1);
}
