// Generates src/schema.ts from the server's OpenAPI document.
//
//   node scripts/generate-types.mjs [spec.json] [output.ts]
//
// Defaults: ../../docs/openapi.json and src/schema.ts.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const specPath = resolve(process.argv[2] ?? resolve(here, "../../../docs/openapi.json"));
const outputPath = resolve(process.argv[3] ?? resolve(here, "../src/schema.ts"));

/**
 * Moves schemas nested under a component's `$defs` up into `components.schemas`.
 *
 * Some error-response schemas carry their detail models in `$defs` while referring to
 * them as `#/components/schemas/<Name>`, which no OpenAPI tool can resolve.
 */
export function hoistNestedDefinitions(spec) {
  const schemas = spec.components?.schemas ?? {};
  for (const schema of Object.values(schemas)) {
    if (schema && typeof schema === "object" && schema.$defs) {
      for (const [name, nested] of Object.entries(schema.$defs)) {
        schemas[name] ??= nested;
      }
      delete schema.$defs;
    }
  }
  return spec;
}

const spec = hoistNestedDefinitions(JSON.parse(await readFile(specPath, "utf8")));
// A default makes a field optional to send, not required: request bodies must not demand it.
const ast = await openapiTS(spec, { alphabetize: true, defaultNonNullable: false });
const header = "// Generated from the Mentora OpenAPI document by scripts/generate-types.mjs. Do not edit.\n\n";
await writeFile(outputPath, header + astToString(ast));
console.log(`wrote ${outputPath}`);
