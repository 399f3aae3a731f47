import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { isAppError } from "@/lib/errors/app-error";

import { assertTransition, availableCommands, type C607StatusCode, COMMANDS, isAllowed, TRANSITIONS } from "./transitions";

const STATUSES: C607StatusCode[] = ["DRAFT", "SENT", "IN_PROGRESS", "COMPLEMENT_REQUESTED", "CALCULATED", "REFUSED"];

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : "OTHER";
  }
}

describe("C60.7 transition table", () => {
  it("follows the ONEM workflow", () => {
    expect(assertTransition("send", "DRAFT", "CPAS")).toBe("SENT");
    expect(assertTransition("send", "COMPLEMENT_REQUESTED", "CPAS")).toBe("SENT");
    expect(assertTransition("take", "SENT", "ONEM")).toBe("IN_PROGRESS");
    expect(assertTransition("calculate", "IN_PROGRESS", "ONEM")).toBe("IN_PROGRESS");
    expect(assertTransition("answer", "IN_PROGRESS", "ONEM")).toBe("CALCULATED");
    expect(assertTransition("request_complement", "IN_PROGRESS", "ONEM")).toBe("COMPLEMENT_REQUESTED");
    expect(assertTransition("refuse_derogation", "IN_PROGRESS", "ONEM")).toBe("REFUSED");
    expect(assertTransition("copy", "CALCULATED", "CPAS")).toBe("CALCULATED");
  });

  it("never lets the CPAS edit a sent or calculated request", () => {
    for (const status of ["SENT", "IN_PROGRESS", "CALCULATED", "REFUSED"] as const) {
      expect(codeOf(() => assertTransition("update", status, "CPAS"))).toBe("UNPROCESSABLE");
      expect(codeOf(() => assertTransition("attach", status, "CPAS"))).toBe("UNPROCESSABLE");
      expect(codeOf(() => assertTransition("detach", status, "CPAS"))).toBe("UNPROCESSABLE");
    }
  });

  it("never lets ONEM run a CPAS command, nor the CPAS an ONEM one (403 before the status)", () => {
    for (const command of COMMANDS) {
      const other = TRANSITIONS[command].side === "CPAS" ? "ONEM" : "CPAS";
      for (const status of STATUSES) expect(codeOf(() => assertTransition(command, status, other))).toBe("FORBIDDEN");
    }
  });

  it("agrees with isAllowed for every pair, and REFUSED is final", () => {
    for (const command of COMMANDS) {
      for (const status of STATUSES) {
        for (const side of ["CPAS", "ONEM"] as const) {
          expect(codeOf(() => assertTransition(command, status, side)) === null).toBe(isAllowed(command, status, side));
        }
      }
    }
    const plain = { isDerogationPending: false, hasProposal: false, hasRemovableAttachment: false };
    expect(availableCommands({ ...plain, status: "REFUSED", side: "CPAS" })).toEqual([]);
    expect(availableCommands({ ...plain, status: "REFUSED", side: "ONEM" })).toEqual([]);
    expect(availableCommands({ ...plain, status: "CALCULATED", side: "CPAS" })).toEqual(["copy"]);
  });
});

// Issue 11: the API's availableCommands lists only what can succeed. Expected lists written from
// the rules of decide-derogation (only a pending derogation is decided), calculate (not before
// the derogation is decided), answer (validates or corrects a proposal) and remove-attachment
// (only a file ONEM has not received), in the order of the table.
describe("availableCommands", () => {
  const base = { isDerogationPending: false, hasProposal: false, hasRemovableAttachment: false };

  it("offers ONEM no derogation decision without a pending derogation, and no answer without a proposal", () => {
    expect(availableCommands({ ...base, status: "IN_PROGRESS", side: "ONEM" })).toEqual(["request_complement", "calculate"]);
  });

  it("offers ONEM the derogation decision, and no calculation, while a derogation is pending", () => {
    expect(availableCommands({ ...base, isDerogationPending: true, status: "IN_PROGRESS", side: "ONEM" })).toEqual([
      "request_complement",
      "accept_derogation",
      "refuse_derogation",
    ]);
  });

  it("offers the answer once a proposal exists", () => {
    expect(availableCommands({ ...base, hasProposal: true, status: "IN_PROGRESS", side: "ONEM" })).toEqual(["request_complement", "calculate", "answer"]);
  });

  it("offers the CPAS to take back a file only when one is still removable", () => {
    expect(availableCommands({ ...base, status: "DRAFT", side: "CPAS" })).toEqual(["update", "attach", "send"]);
    expect(availableCommands({ ...base, hasRemovableAttachment: true, status: "DRAFT", side: "CPAS" })).toEqual(["update", "attach", "detach", "send"]);
  });

  it("explains a refusal in French with the current status", () => {
    let message = "";
    try {
      assertTransition("send", "CALCULATED", "CPAS");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(localize("fr", message)).toBe("La demande est au statut « Calculé par l'ONEM » : on ne peut pas envoyer à l'ONEM.");
  });
});
