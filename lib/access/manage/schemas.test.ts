import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { ZAcceptInvitation, ZGrantRight, ZInviteUser } from "./schemas";

const uuid = "3f1c7f0e-8a8b-4f5c-9a51-0a2b3c4d5e6f";

describe("access-management schemas", () => {
  it("validates the NISS of an invitation with its check digits", () => {
    const base = { qualityId: uuid, firstName: "Ana", lastName: "B", email: "ana@cpas.be" };
    expect(ZInviteUser.parse({ ...base, niss: "85.07.30-033.28" }).niss).toBe("85073003328");
    expect(localize("fr", ZInviteUser.safeParse({ ...base, niss: "85.07.30-033.29" }).error?.issues[0]?.message ?? "")).toContain("contrôle");
    expect(ZInviteUser.safeParse({ ...base, email: "pas-une-adresse" }).success).toBe(false);
    expect(ZInviteUser.safeParse({ ...base, qualityId: "1 OR 1=1" }).success).toBe(false);
  });
  it("takes the invitee's language, none meaning the manager's", () => {
    const base = { qualityId: uuid, firstName: "Ana", lastName: "B", email: "ana@cpas.be" };
    expect(ZInviteUser.parse({ ...base, language: "nl" }).language).toBe("nl");
    expect(ZInviteUser.parse({ ...base, language: "" }).language).toBeUndefined();
    expect(localize("fr", ZInviteUser.safeParse({ ...base, language: "de" }).error?.issues[0]?.message ?? "")).toBe("Langue inconnue.");
  });
  it("names the field in its messages, in French and in Dutch", () => {
    const message = ZInviteUser.safeParse({ qualityId: uuid, firstName: "", lastName: "B", email: "ana@cpas.be" }).error?.issues[0]?.message ?? "";
    expect(localize("fr", message)).toBe("Prénom : champ obligatoire.");
    expect(localize("nl", message)).toBe("Voornaam: verplicht veld.");
  });
  it("parses grant dates and refuses impossible ones", () => {
    const r = ZGrantRight.parse({ personId: uuid, qualityId: uuid, rightCode: "AGENT_SOCIAL", validUntil: "2027-01-31" });
    expect(r.validUntil?.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(ZGrantRight.safeParse({ personId: uuid, qualityId: uuid, rightCode: "AGENT_SOCIAL", validUntil: "2027-13-45" }).success).toBe(false);
    expect(ZGrantRight.safeParse({ personId: uuid, qualityId: uuid, rightCode: "ADMIN" }).success).toBe(false);
  });
  it("requires the password twice, identical", () => {
    expect(localize("fr", ZAcceptInvitation.safeParse({ token: "x".repeat(20), password: "a", confirm: "b" }).error?.issues[0]?.message ?? "")).toBe(
      "Les deux mots de passe diffèrent.",
    );
  });
});
