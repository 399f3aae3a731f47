import { createHash } from "node:crypto";

/** A stable, non-secret name for a session in forms and pages (the id itself is a bearer secret). */
export function sessionHandle(sessionId: string): string {
  return createHash("sha256").update(`cpas-session-handle:${sessionId}`).digest("hex").slice(0, 24);
}

/** The shape of a handle: 24 lower-case hex characters (96 bits of a SHA-256). */
export function isSessionHandle(text: string): boolean {
  return /^[0-9a-f]{24}$/.test(text);
}
