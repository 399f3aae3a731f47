import "server-only";

import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

import { env } from "@/lib/env";

import { mailSettings, type MailSettings } from "./settings";

// One nodemailer transport per process, built from lib/env.ts (docs/mail.md).

let cached: { settings: MailSettings; transporter: Transporter<SMTPTransport.SentMessageInfo> | null } | undefined;

export function currentMailSettings(): MailSettings {
  return (cached ??= build()).settings;
}

export function mailTransport(): Transporter<SMTPTransport.SentMessageInfo> | null {
  return (cached ??= build()).transporter;
}

function build() {
  const settings = mailSettings(env());
  return { settings, transporter: settings.configured ? nodemailer.createTransport(settings.transport) : null };
}
