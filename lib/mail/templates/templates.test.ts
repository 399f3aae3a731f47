import { describe, expect, it } from "vitest";

import { MAIL_TEMPLATES, renderMail } from ".";

const ctx = { centreName: "CPAS de Démo", portalUrl: "https://portail.cpas.example" };

describe("mail templates", () => {
  it("every kind has a French subject naming the centre, a text part and an HTML part with the portal's address", () => {
    const samples = {
      invitation: { firstName: "Anne", inviterName: "Marc Dupont", qualityLabel: "Action Sociale", token: "abc", expiresAt: new Date("2026-12-09T10:00:00Z") },
      password_reset: { firstName: "Anne", token: "abc", minutes: 30 },
      second_factor_reset: { firstName: "Anne", byName: "Marc Dupont" },
      password_changed: { firstName: "Anne", at: new Date(), how: "réinitialisation" as const },
      new_sign_in: { firstName: "Anne", at: new Date(), ip: "192.0.2.1", browser: "Firefox" },
      account_locked: { firstName: "Anne", until: new Date() },
      sessions_ended: { firstName: "Anne", byName: "Le DPD", at: new Date() },
      access_review_due: { firstName: "Anne", title: "revue des accès à terminer avant le 1 mars 2027", path: "/gestion" },
      right_expiring: { firstName: "Anne", title: "« Agent Social » de Luc Martin, jusqu'au 14 décembre 2026", path: "/gestion" },
      c607_answered: { firstName: "Anne", title: "C607-2026-0001", path: "/c607/x" },
      c607_complement_requested: { firstName: "Anne", title: "C607-2026-0001", path: "/c607/x" },
      c607_derogation_decided: { firstName: "Anne", title: "C607-2026-0001", path: "/c607/x" },
      c607_second_window: { firstName: "Anne", title: "C607-2026-0001", path: "/c607/x" },
      c607_deadline_near: { firstName: "Anne", title: "C607-2026-0001", path: "/onem/x" },
      c607_deadline_passed: { firstName: "Anne", title: "C607-2026-0001", path: "/onem/x" },
      fileexchange_received: { firstName: "Anne", title: "rapport.pdf", path: "/forem/fileexchange" },
      ru_to_sign: { firstName: "Anne", title: "Rapport unique 2025 — Aide alimentaire", path: "/rapport-unique/formulaires/x" },
      ru_returned: { firstName: "Anne", title: "Rapport unique 2025 — PIIS : accepté par le SPP IS", path: "/rapport-unique/formulaires/x" },
      digest: { firstName: "Anne", items: [{ title: "C607-2026-0001", path: "/c607/x" }] },
    };
    expect(Object.keys(samples).sort()).toEqual(Object.keys(MAIL_TEMPLATES).sort());
    for (const [kind, data] of Object.entries(samples)) {
      const m = renderMail(kind as never, data as never, ctx);
      expect(m.subject, kind).toMatch(/ — CPAS de Démo$/);
      expect(m.text, kind).toContain("Bonjour Anne,");
      expect(m.text, kind).toContain("https://portail.cpas.example");
      expect(m.html, kind).toContain('<html lang="fr">');
      expect(m.html, kind).toContain("CPAS de Démo");
    }
  });

  it("puts the single-use link on the portal's own address", () => {
    const m = renderMail("invitation", { firstName: "Anne", inviterName: "M", qualityLabel: "Action Sociale", token: "tok_en-1", expiresAt: new Date() }, ctx);
    expect(m.text).toContain("https://portail.cpas.example/invitation/tok_en-1");
  });

  it("keeps a value from starting a header of its own and escapes it in HTML", () => {
    const m = renderMail("c607_answered", { firstName: "Anne\r\nBcc: x@example.com", title: "<script>alert(1)</script>", path: "/c607/x" }, ctx);
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.text).toContain("Bonjour Anne Bcc: x@example.com,");
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("&#60;script&#62;");
  });

  it("never carries a national number, even one typed into a title", () => {
    const m = renderMail("fileexchange_received", { firstName: "Anne", title: "contrat_85073003328.xlsx", path: "/x" }, ctx);
    expect(`${m.subject}${m.text}${m.html}`).not.toMatch(/85073003328/);
    expect(m.text).toContain("[numéro masqué]");
  });
});
