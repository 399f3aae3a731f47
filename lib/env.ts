import "server-only";

import { z } from "zod";

// The one place that reads process.env (STYLE 12). `npm start` fills the secrets from
// data/secrets.json on a first, zero-configuration run (scripts/start.ts); production sets them.
const ZEnv = z.object({
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET doit compter au moins 32 caractères"),
  PORTAL_DATA_KEY: z.string().refine((v) => Buffer.from(v, "base64").length === 32, "PORTAL_DATA_KEY : 32 octets en base64"),
  PORTAL_INDEX_KEY: z.string().refine((v) => Buffer.from(v, "base64").length >= 32, "PORTAL_INDEX_KEY : au moins 32 octets en base64"),
  PORTAL_DATA_KEY_PREVIOUS: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || Buffer.from(v, "base64").length === 32, "PORTAL_DATA_KEY_PREVIOUS : 32 octets en base64"),
  SESSION_MAX_HOURS: z.coerce.number().positive().max(24).default(10),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(5),
  LOGIN_LOCKOUT_BASE_SECONDS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_SIGNIN_PER_IP: z.coerce.number().int().min(1).default(60),
  C607_PROCESSING_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(5),
  PORTAL_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // Batch channel deposits (seed 004): the social-security SFTP server and its host key, pinned.
  BATCH_SFTP_HOST: z.string().min(1).default("sftp.socialsecurity.be"),
  BATCH_SFTP_PORT: z.coerce.number().int().min(1).max(65535).default(8022),
  BATCH_SFTP_HOST_KEY: z
    .string()
    .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, "BATCH_SFTP_HOST_KEY : empreinte SHA256:… de la clé d'hôte du serveur SFTP")
    .optional(),
  // Return files' signatures (issue 14, docs/batch-channel.md): path of a PEM bundle of the CAs
  // accepted for the social security's signing certificate; the chain is built up to one of them.
  // Unset: the signature is still checked, and the page says the chain was not.
  BATCH_TRUST_ANCHORS_FILE: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  // REST channel (issue 14, docs/batch-channel.md): the OAuth token endpoint offered to a new REST
  // client; plain http only towards a loopback address and only when this says so (tests).
  REST_TOKEN_URL: z.string().url().default("https://services.socialsecurity.be/REST/oauth/v5/token"),
  REST_TOKEN_ALLOW_LOOPBACK_HTTP: z.enum(["true", "false"]).default("false"),
  REST_TOKEN_HOSTS: z.string().optional(),
  // Mail (issue 12, docs/mail.md): SMTP_URL, or SMTP_HOST with its port, account and TLS mode.
  // STARTTLS is required unless SMTP_ALLOW_INSECURE=true (a relay on the same machine).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/i, "SMTP_URL : smtp://… ou smtps://…")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: z.enum(["true", "false"]).optional(),
  SMTP_ALLOW_INSECURE: z.enum(["true", "false"]).default("false"),
  SMTP_TLS_CA_FILE: z.string().optional(),
  /** The sender, « Portail CPAS <portail@cpas.example> » or a bare address; checked by lib/mail/settings.ts. */
  MAIL_FROM: z.string().optional(),
  PORTAL_MAIL_WORKER: z.enum(["on", "off"]).default("on"),
  /** Read here for the demo mailbox (lib/outbox/demo-mailbox.ts); scripts/start.ts decides the seeding. */
  PORTAL_DEMO_DATA: z.enum(["true", "false"]).optional(),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Configuration invalide (${fields}). Voir README, section Configuration.`);
  }
  cached = parsed.data;
  return cached;
}
