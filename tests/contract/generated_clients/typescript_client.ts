// What a new user writes with openapi-typescript's types (schema.d.ts) and openapi-fetch.
//
// Compiled with `tsc --strict` beside the generated types, then run against a live server:
// `node typescript_client.js BASE_URL PASSWORD`. Prints what it read, as JSON.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

const [baseUrl, password] = process.argv.slice(2) as [string, string];
const tenant = { "X-Tenant": "demo" };
const admin = "admin@demo.example.com";

const anonymous = createClient<paths>({ baseUrl });
const signedIn = await anonymous.POST("/v1/auth/login", {
  params: { header: tenant },
  body: { email: admin, password },
});
if (!signedIn.data) {
  throw new Error(`login failed: ${JSON.stringify(signedIn.error)}`);
}

const client = createClient<paths>({
  baseUrl,
  headers: { Authorization: `Bearer ${signedIn.data.data.access_token}` },
});
const me = await client.GET("/v1/users/me", { params: { header: tenant } });
if (!me.data) {
  throw new Error(`GET /v1/users/me failed: ${JSON.stringify(me.error)}`);
}

// The seed's example: values the types would refuse, so a cast, as a user testing the server writes it.
const invite = {
  email: "not-an-email",
  name: "X",
  settings: { max_sessions: "abc" },
} as unknown as components["schemas"]["UserInvite"];
const refused = await client.POST("/v1/console/users", {
  params: { header: { ...tenant, "Idempotency-Key": "seed-example" } },
  body: invite,
});
const error = refused.error;
if (error?.code !== "VALIDATION_ERROR") {
  throw new Error(`expected the typed VALIDATION_ERROR, got ${JSON.stringify(error)}`);
}
// Narrowed by `code` to the VALIDATION_ERROR schema, whose `details` is the field map.
const details: Record<string, string> = error.details;
const success: false = error.success;
console.log(
  JSON.stringify({
    email: me.data.data.email,
    status: refused.response.status,
    request_id: refused.response.headers.get("X-Request-ID"),
    error: { success, error: error.error, code: error.code, details },
  }),
);
