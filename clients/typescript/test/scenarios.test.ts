/**
 * The shared scenarios (`clients/scenarios`): `scripted/` against a scripted fetch,
 * `live/` against a real `mentora serve` on loopback.
 */
import { after, describe, test } from "node:test";
import { Driver, load, run } from "./support/scenarios.js";
import { Servers } from "./support/server.js";

const servers = new Servers();
after(() => servers.stop());

describe("scripted scenarios", () => {
  for (const scenario of load("scripted")) {
    test(scenario.id, async () => {
      await run(scenario, new Driver(scenario, null));
    });
  }
});

describe("live scenarios", () => {
  for (const scenario of load("live")) {
    test(scenario.id, async () => {
      const server = await servers.get(String(scenario["server"]));
      try {
        await run(scenario, new Driver(scenario, server.baseUrl), server.demoPassword);
      } catch (error) {
        if (error instanceof Error) error.message += `\n--- server log (tail) ---\n${server.log()}`;
        throw error;
      }
    });
  }
});
