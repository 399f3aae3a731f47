import { describe, expect, it } from "vitest";

import { isAppError } from "@/lib/errors/app-error";

import { isId, parseId, ZId } from "./parse-id";

describe("parseId (issue 9, finding 8: a non-UUID id is a 404, never a 500)", () => {
  it("keeps a UUID, lower-cased", () => {
    expect(parseId("0A1B2C3D-4E5F-4a6b-8c7d-9e0f1a2b3c4d")).toBe("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
  });
  // The 36-character non-UUID of the finding, and other garbage an attacker sends.
  it.each(["zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "' OR 1=1 --------------------------", "", "1", "../../etc/passwd", undefined, null, 42, ["a"], {}])(
    "refuses %j as not found",
    (raw) => {
      expect(isId(raw)).toBe(false);
      try {
        parseId(raw);
        expect.unreachable();
      } catch (e) {
        expect(isAppError(e) && e.status).toBe(404);
      }
      expect(ZId.safeParse(raw).success).toBe(false);
    },
  );
});
