import { describe, expect, it } from "vitest";
import { fieldHolding, placeFieldErrors, readablePath } from "./field-errors";

describe("placeFieldErrors", () => {
  it("the seed's example: email and settings.max_sessions under their fields", () => {
    const details = { email: "value is not a valid email address", "settings.max_sessions": "value is not a valid integer" };
    expect(placeFieldErrors(details, ["name", "email", "settings.max_sessions"])).toEqual({
      fields: { email: "value is not a valid email address", "settings.max_sessions": "value is not a valid integer" },
      form: [],
    });
  });

  it("a nested path lands on the nearest field that holds it", () => {
    const placed = placeFieldErrors({ "lms_config.course_mapping.CS101": "not a line item" }, ["lms_config", "lms_config.course_mapping"]);
    expect(placed).toEqual({ fields: { "lms_config.course_mapping": "not a line item" }, form: [] });
    expect(placeFieldErrors({ "settings.rate_limits.login": "not a rate limit" }, ["settings"])).toEqual({
      fields: { settings: "not a rate limit" },
      form: [],
    });
  });

  it("a prefix of a name is not its container", () => {
    expect(fieldHolding("settings_extra", ["settings"])).toBeNull();
    expect(fieldHolding("emails.0", ["email"])).toBeNull();
  });

  it("_body goes at the top as it is", () => {
    expect(placeFieldErrors({ _body: "Expected a JSON object" }, ["email"])).toEqual({ fields: {}, form: ["Expected a JSON object"] });
  });

  it("paths no field holds go at the top, named", () => {
    const placed = placeFieldErrors({ "query.limit": "must be at most 100", "settings.max_sessions": "too big" }, ["email"]);
    expect(placed.fields).toEqual({});
    expect(placed.form).toEqual(["Query › limit: must be at most 100", "Settings › max sessions: too big"]);
  });

  it("the first message for a field is kept; non-strings are skipped", () => {
    const placed = placeFieldErrors({ "settings.a": "first", "settings.b": "second", other: 3 }, ["settings"]);
    expect(placed).toEqual({ fields: { settings: "first" }, form: [] });
  });

  it("readablePath", () => {
    expect(readablePath("settings.max_sessions")).toBe("Settings › max sessions");
    expect(readablePath("email")).toBe("Email");
  });
});
