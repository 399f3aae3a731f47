import { readFileSync } from "node:fs";

import type SMTPTransport from "nodemailer/lib/smtp-transport";

import type { Env } from "@/lib/env";

import { parseSender } from "./address";

// The SMTP settings of lib/env.ts turned into nodemailer's options (issue 12, docs/mail.md).
// Pure apart from reading SMTP_TLS_CA_FILE, so that the TLS rules are tested without a server.

export type MailSettings =
  { configured: false } | { configured: true; transport: SMTPTransport.Options; from: { name: string | null; address: string }; description: string };

/**
 * Links in mails are built from NEXTAUTH_URL only, never from a request's Host header (a reset
 * asked with « Host: evil.example » would mail the victim a link to that site). Without it, and so
 * without SMTP, mails stay on this machine and the demo mailbox shows their links relative.
 */
export const PLACEHOLDER_ORIGIN = "http://portail.invalid";

type MailEnv = Pick<
  Env,
  | "SMTP_URL"
  | "SMTP_HOST"
  | "SMTP_PORT"
  | "SMTP_USER"
  | "SMTP_PASSWORD"
  | "SMTP_SECURE"
  | "SMTP_ALLOW_INSECURE"
  | "SMTP_TLS_CA_FILE"
  | "MAIL_FROM"
  | "NEXTAUTH_URL"
>;

/** A server that does not answer must not hold a worker for long: the job is retried later. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 };

export function mailSettings(e: MailEnv, readFile: (path: string) => string = (p) => readFileSync(p, "utf8")): MailSettings {
  if (!e.SMTP_URL && !e.SMTP_HOST) return { configured: false };
  const server = e.SMTP_URL
    ? fromUrl(e.SMTP_URL)
    : { host: e.SMTP_HOST!, port: e.SMTP_PORT, secure: e.SMTP_SECURE === "true", user: e.SMTP_USER, password: e.SMTP_PASSWORD };
  const from = e.MAIL_FROM ? parseSender(e.MAIL_FROM) : null;
  if (!from)
    throw new Error(
      "Configuration invalide (MAIL_FROM) : l'adresse d'expédition est requise avec SMTP_URL ou SMTP_HOST, par exemple « Portail CPAS <portail@cpas.example> ».",
    );
  if (!e.NEXTAUTH_URL)
    throw new Error("Configuration invalide (NEXTAUTH_URL) : l'adresse publique du portail est requise pour envoyer des courriels (leurs liens la suivent).");
  const isInsecureAllowed = e.SMTP_ALLOW_INSECURE === "true";
  const port = server.port ?? (server.secure ? 465 : 587);
  const transport: SMTPTransport.Options = {
    host: server.host,
    port,
    // Implicit TLS (smtps, port 465) or STARTTLS, required: a server that does not offer it is
    // refused, so passwords and reset links never cross the network in clear. Only a relay on the
    // same machine may be allowed off (SMTP_ALLOW_INSECURE=true).
    secure: server.secure,
    requireTLS: !server.secure && !isInsecureAllowed,
    ignoreTLS: false,
    tls: { minVersion: "TLSv1.2", rejectUnauthorized: true, ...(e.SMTP_TLS_CA_FILE ? { ca: readFile(e.SMTP_TLS_CA_FILE) } : {}) },
    ...(server.user ? { auth: { user: server.user, pass: server.password ?? "" } } : {}),
    ...TIMEOUTS,
  };
  const mode = server.secure ? "TLS" : isInsecureAllowed ? "STARTTLS si offert (SMTP_ALLOW_INSECURE)" : "STARTTLS obligatoire";
  return { configured: true, transport, from, description: `${server.host}:${port} (${mode})` };
}

function fromUrl(raw: string) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never repeat the value: it may hold the password.
    throw new Error("Configuration invalide (SMTP_URL) : adresse illisible, attendu smtp://utilisateur:motdepasse@serveur:587.");
  }
  const secure = url.protocol.toLowerCase() === "smtps:";
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : undefined,
    secure,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** The portal's address as mails write it. */
export const mailPortalUrl = (e: Pick<Env, "NEXTAUTH_URL">) => (e.NEXTAUTH_URL ? new URL(e.NEXTAUTH_URL).origin : PLACEHOLDER_ORIGIN);
