import { describe, expect, it } from "vitest";

import { msg } from "@/lib/i18n/message-ref";

import { MAIL_TEMPLATES, renderMail } from ".";

const ctx = { centreName: "CPAS de Démo", portalUrl: "https://portail.cpas.example" };
const nlCtx = { centreName: "OCMW Demo", portalUrl: "https://portail.cpas.example", locale: "nl" as const };

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

describe("mail templates", () => {
  it("every kind has a French subject naming the centre, a text part and an HTML part with the portal's address", () => {
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

  it("every kind renders in Dutch for a Dutch-speaking recipient (issue 13): Dutch greeting, frame and HTML language, no French left", () => {
    for (const [kind, data] of Object.entries(samples)) {
      const m = renderMail(kind as never, data as never, nlCtx);
      expect(m.subject, kind).toMatch(/ — OCMW Demo$/);
      expect(m.text, kind).toContain("Goedendag Anne,");
      expect(m.text, kind).toContain("Dit bericht wordt automatisch door het portaal verstuurd: antwoord er niet op.");
      expect(m.text, kind).toContain("OCMW Demo · OCMW-portaal · https://portail.cpas.example");
      expect(m.html, kind).toContain('<html lang="nl">');
      // The French frame's words, and its French colon before a link, are gone.
      expect(`${m.subject}\n${m.text}`, kind).not.toMatch(/Bonjour|Portail CPAS|n'y répondez pas| :\n/);
    }
  });

  it("writes the invitation in Dutch, its date in Dutch and in Belgian time", () => {
    const m = renderMail("invitation", samples.invitation, nlCtx);
    expect(m.subject).toBe("Uw toegang tot het OCMW-portaal — OCMW Demo");
    expect(m.text).toBe(
      [
        "Goedendag Anne,",
        "Marc Dupont nodigt u uit om het OCMW-portaal te gebruiken (Action Sociale).",
        "Kies uw wachtwoord via deze persoonlijke link. Bij de eerste aanmelding vraagt het portaal u om de tweestapsverificatie in te stellen (een app zoals FreeOTP, Aegis, Google of Microsoft Authenticator).",
        "Mijn account activeren:\nhttps://portail.cpas.example/invitation/abc",
        "Deze link kan maar één keer gebruikt worden en vervalt op 9 december 2026 om 11:00.",
        "Verwachtte u deze uitnodiging niet? Doe dan niets: zonder gekozen wachtwoord wordt geen account geactiveerd.",
        "-- \nOCMW Demo · OCMW-portaal · https://portail.cpas.example\nDit bericht wordt automatisch door het portaal verstuurd: antwoord er niet op.",
      ].join("\n\n"),
    );
    expect(m.html).toContain(">Mijn account activeren</a>");
  });

  it("writes the password reset in Dutch", () => {
    const m = renderMail("password_reset", samples.password_reset, nlCtx);
    expect(m.subject).toBe("Uw wachtwoord opnieuw instellen — OCMW Demo");
    expect(m.text).toContain("Op de aanmeldpagina werd gevraagd om het wachtwoord van uw account opnieuw in te stellen.");
    expect(m.text).toContain("Een nieuw wachtwoord kiezen:\nhttps://portail.cpas.example/mot-de-passe-oublie/abc");
    expect(m.text).toContain(
      "Deze link kan maar één keer gebruikt worden en vervalt binnen 30 minuten. Bij de volgende aanmelding blijft de tweestapsverificatie gevraagd.",
    );
  });

  it("writes a work notification in Dutch with the RVA's name, and the digest's lines in the recipient's words", () => {
    const m = renderMail("c607_answered", samples.c607_answered, nlCtx);
    expect(m.subject).toBe("C60.7-aanvraag: antwoord van de RVA — OCMW Demo");
    expect(m.text).toContain("De RVA heeft geantwoord op de aanvraag C607-2026-0001.");
    expect(m.text).toContain("De aanvraag bekijken:\nhttps://portail.cpas.example/c607/x");
    expect(m.text).toContain("U ontvangt dit bericht volgens uw meldingsvoorkeuren (pagina « Mijn e-mails » van het portaal).");
    const items = [{ title: "rapport.pdf", path: "/fileexchange", kind: "fileexchange_received" }];
    expect(renderMail("digest", { firstName: "Anne", items }, nlCtx).text).toContain(
      "- Bestand ontvangen in FileExchange: rapport.pdf — https://portail.cpas.example/fileexchange",
    );
    expect(renderMail("digest", { firstName: "Anne", items }, ctx).text).toContain(
      "- Fichier reçu dans FileExchange : rapport.pdf — https://portail.cpas.example/fileexchange",
    );
    expect(renderMail("digest", { firstName: "Anne", items }, nlCtx).subject).toBe("Overzicht van de dag: 1 melding — OCMW Demo");
  });

  it("says a title given as a message reference in the recipient's language", () => {
    const title = msg("mail.work.accessReviewTitle", { deadline: new Date("2027-03-01T10:00:00Z").getTime() });
    const data = { firstName: "Anne", title, path: "/gestion" };
    expect(renderMail("access_review_due", data, ctx).text).toContain("Le DPD a lancé une revue des accès à terminer avant le 1 mars 2027.");
    expect(renderMail("access_review_due", data, nlCtx).text).toContain("De DPO heeft een toegangsherziening af te ronden vóór 1 maart 2027 gestart.");
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
    const nl = renderMail("fileexchange_received", { firstName: "Anne", title: "contrat_85073003328.xlsx", path: "/x" }, { ...ctx, locale: "nl" });
    expect(`${nl.subject}${nl.text}${nl.html}`).not.toMatch(/85073003328|numéro masqué/);
    expect(nl.text).toContain("contrat_[nummer gemaskeerd].xlsx");
  });
});
