/** Compile-time checks: the typed methods accept what the spec says, and nothing else. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { MentoraClient, type UserOut } from "../src/index.js";

async function typedUsage(client: MentoraClient): Promise<void> {
  const user: UserOut = await client.me.get();
  void user.email;
  await client.users.invite({ email: "a@b.c", name: "A", settings: { max_sessions: 3 } });
  // @ts-expect-error name is required
  await client.users.invite({ email: "a@b.c" });
  // @ts-expect-error max_sessions is an integer
  await client.users.invite({ email: "a@b.c", name: "A", settings: { max_sessions: "abc" } });
  // @ts-expect-error not a route of the spec
  await client.call("get", "/v1/nothing-here");
  // @ts-expect-error the route has no PUT
  await client.call("put", "/v1/users/me");
  const page = await client.call("get", "/v1/console/users", { query: { q: "ann", limit: 5 } });
  void page.total_pages;
  // @ts-expect-error unknown query parameter
  await client.call("get", "/v1/console/users", { query: { nope: 1 } });
  await client.call("get", "/v1/console/users/{user_id}", { path: { user_id: "u1" } });
  // @ts-expect-error the path parameter is user_id
  await client.call("get", "/v1/console/users/{user_id}", { path: { id: "u1" } });
}

test("typed usage compiles (checked by tsc before the tests run)", () => {
  assert.equal(typeof typedUsage, "function");
});
