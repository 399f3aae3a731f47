import { randomUUID } from "node:crypto";

import { msg } from "@/lib/i18n/message-ref";

import { isAppError } from "./app-error";

/** Logs an unexpected error under a fresh id (no request data, so no NISS or secret) and returns the id. */
export function reportUnexpectedError(error: unknown, context: string): string {
  const id = randomUUID().slice(0, 8);
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[erreur ${id}] ${context}: ${redact(message)}`);
  if (error instanceof Error && error.stack) console.error(redact(error.stack));
  return id;
}

/** The message for the person (a catalogue reference): the expected error's own, or a generic one with an id. */
export function userMessage(error: unknown, context: string): string {
  if (isAppError(error)) return error.message;
  return msg("errors.generic", { id: reportUnexpectedError(error, context) });
}

// National numbers (11 digits, with or without separators) never reach the logs.
const NISS_LIKE = /\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-.\s]?\d{3}[.\s]?\d{2}\b/g;
export function redact(text: string): string {
  return text.replace(NISS_LIKE, "[numéro masqué]");
}
