import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { canonicalJson, GENESIS_HASH, hashEvent } from "./hash-event";
import { redactSummary } from "./redact-summary";

const event = {
  occurredAt: new Date("2026-11-24T10:00:00.123Z"),
  actorId: "a",
  entityId: "e",
  action: "auth.sign_in",
  targetType: null,
  targetId: null,
  before: null,
  after: { b: 1, a: [1, { d: 2, c: 3 }] },
  ip: "127.0.0.1",
  userAgent: null,
};

describe("audit hashing", () => {
  it("ignores key order", () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });
  it("changes when any field or the previous hash changes", () => {
    const h = hashEvent(GENESIS_HASH, event);
    expect(hashEvent(GENESIS_HASH, { ...event, action: "auth.sign_out" })).not.toBe(h);
    expect(hashEvent(GENESIS_HASH, { ...event, after: { b: 2, a: [1, { d: 2, c: 3 }] } })).not.toBe(h);
    expect(hashEvent("1".repeat(64), event)).not.toBe(h);
    expect(hashEvent(GENESIS_HASH, { ...event, after: { a: [1, { c: 3, d: 2 }], b: 1 } })).toBe(h);
  });
  it("hashes legacy events exactly as the portal-wide chain did, and per-centre events with their chain and position", () => {
    // The canonical body written by hand: keys sorted, the date as ISO text, prevHash last by order.
    const body =
      '{"action":"auth.sign_in","actorId":"a","after":{"a":[1,{"c":3,"d":2}],"b":1},"before":null,"entityId":"e","ip":"127.0.0.1",' +
      '"occurredAt":"2026-11-24T10:00:00.123Z","prevHash":"' +
      GENESIS_HASH +
      '","targetId":null,"targetType":null,"userAgent":null}';
    expect(hashEvent(GENESIS_HASH, event)).toBe(createHash("sha256").update(body).digest("hex"));
    const linked = body.replace('"before":null,', '"before":null,"chainKey":"e",').replace('"targetId"', '"seq":"7","targetId"');
    expect(hashEvent(GENESIS_HASH, event, { chainKey: "e", seq: 7n })).toBe(createHash("sha256").update(linked).digest("hex"));
    expect(hashEvent(GENESIS_HASH, event, { chainKey: "e", seq: 8n })).not.toBe(hashEvent(GENESIS_HASH, event, { chainKey: "e", seq: 7n }));
  });

  it("masks secrets in summaries", () => {
    expect(redactSummary({ passwordHash: "x", niss: "85073003328", name: "A", nested: { totpSecret: "s" } })).toEqual({
      passwordHash: "[masqué]",
      niss: "[masqué]",
      name: "A",
      nested: { totpSecret: "[masqué]" },
    });
  });
});
