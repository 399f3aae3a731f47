import { describe, expect, it } from "vitest";

import { headerText, isMailAddress, parseSender } from "./address";

describe("isMailAddress", () => {
  it.each(["agent@demo.cpas.be", "prenom.nom+portail@cpas-namur.be", "a@b.co"])("accepts %s", (a) => expect(isMailAddress(a)).toBe(true));

  it.each([
    ["a header injected after a line break", "agent@demo.cpas.be\r\nBcc: victime@example.com"],
    ["a second recipient after a comma", "agent@demo.cpas.be, autre@example.com"],
    ["a display name", "Agent <agent@demo.cpas.be>"],
    ["no domain dot", "agent@localhost"],
    ["two @", "a@b@c.be"],
    ["a space", "agent @demo.cpas.be"],
    ["a leading dot", ".agent@demo.cpas.be"],
    ["a numeric top-level domain", "agent@10.0.0.1"],
    ["a NUL", "agent\u0000@demo.cpas.be"],
  ])("refuses %s", (_why, a) => expect(isMailAddress(a)).toBe(false));
});

describe("headerText", () => {
  it("turns line breaks and controls into one space, so no value starts a header", () => {
    expect(headerText("Demande C60.7\r\nBcc: x@example.com")).toBe("Demande C60.7 Bcc: x@example.com");
    expect(headerText("a\u2028b\u0085c")).toBe("a b c");
  });

  it("cuts long values", () => {
    expect(headerText("x".repeat(300), 20)).toHaveLength(20);
  });
});

describe("parseSender", () => {
  it("reads a name and an address, or a bare address", () => {
    expect(parseSender("Portail CPAS <portail@cpas.example>")).toEqual({ name: "Portail CPAS", address: "portail@cpas.example" });
    expect(parseSender("portail@cpas.example")).toEqual({ name: null, address: "portail@cpas.example" });
  });

  it("refuses what is not one address", () => {
    expect(parseSender("Portail <a@b.be>, <c@d.be>")).toBeNull();
    expect(parseSender("portail")).toBeNull();
  });
});
