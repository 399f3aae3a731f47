import { describe, expect, it } from "vitest";

import { mailPortalUrl, mailSettings, PLACEHOLDER_ORIGIN } from "./settings";

const base = { SMTP_ALLOW_INSECURE: "false" as const, MAIL_FROM: "Portail CPAS <portail@cpas.example>", NEXTAUTH_URL: "https://portail.cpas.example" };

describe("mailSettings", () => {
  it("is off without SMTP_URL or SMTP_HOST (mails stay in the outbox)", () => {
    expect(mailSettings({ SMTP_ALLOW_INSECURE: "false" })).toEqual({ configured: false });
  });

  it("requires STARTTLS on smtp:// unless allowed off", () => {
    const s = mailSettings({ ...base, SMTP_URL: "smtp://relais%40cpas:p%C3%A0ss@mail.cpas.example:587" });
    if (!s.configured) throw new Error("attendu : configuré");
    expect(s.transport).toMatchObject({ host: "mail.cpas.example", port: 587, secure: false, requireTLS: true, auth: { user: "relais@cpas", pass: "pàss" } });
    expect(s.description).not.toContain("pàss");
    const relay = mailSettings({ ...base, SMTP_URL: "smtp://127.0.0.1:25", SMTP_ALLOW_INSECURE: "true" });
    expect(relay.configured && relay.transport.requireTLS).toBe(false);
  });

  it("uses implicit TLS on smtps:// (port 465 by default)", () => {
    const s = mailSettings({ ...base, SMTP_URL: "smtps://mail.cpas.example" });
    expect(s.configured && s.transport).toMatchObject({ port: 465, secure: true, requireTLS: false });
  });

  it("reads host, port, account and a private CA from separate settings", () => {
    const s = mailSettings({ ...base, SMTP_HOST: "relais", SMTP_PORT: 2525, SMTP_USER: "u", SMTP_PASSWORD: "p", SMTP_TLS_CA_FILE: "/ca.pem" }, () => "PEM");
    expect(s.configured && s.transport).toMatchObject({ host: "relais", port: 2525, requireTLS: true, auth: { user: "u", pass: "p" }, tls: { ca: "PEM" } });
  });

  it("refuses to send without the portal's public address (links never follow a request's Host)", () => {
    expect(() => mailSettings({ ...base, NEXTAUTH_URL: undefined, SMTP_URL: "smtp://h" })).toThrow(/NEXTAUTH_URL/);
    expect(mailPortalUrl({ NEXTAUTH_URL: "https://portail.cpas.example/x" })).toBe("https://portail.cpas.example");
    expect(mailPortalUrl({})).toBe(PLACEHOLDER_ORIGIN);
  });

  it("refuses a missing or malformed sender, and never echoes an unreadable URL", () => {
    expect(() => mailSettings({ ...base, MAIL_FROM: undefined, SMTP_URL: "smtp://h" })).toThrow(/MAIL_FROM/);
    expect(() => mailSettings({ ...base, MAIL_FROM: "a@b.be\r\nBcc: c@d.be", SMTP_URL: "smtp://h" })).toThrow(/MAIL_FROM/);
    expect(() => mailSettings({ ...base, SMTP_URL: "smtp://u:secret@[bad" })).toThrow(/^(?!.*secret)/);
  });
});
