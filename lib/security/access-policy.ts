import { BlockList, isIP } from "node:net";

import { msg } from "@/lib/i18n/message-ref";

// The centre's access policy (seed 002: limit remote access by hours — working hours, not
// weekends — and by where it comes from). Pure evaluation; lib/security/enforce-access-policy.ts
// applies it at sign-in and on every request.

export type AccessPolicyRule = { isEnforced: boolean; allowedDays: number[]; startMinute: number; endMinute: number; allowedCidrs: string[] };
/** `message`: a message reference (lib/i18n/message-ref.ts), said in the reader's language. */
export type PolicyVerdict = { ok: true } | { ok: false; reason: "jour" | "heure" | "réseau"; message: string };

export const DAY_LABELS = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

/** Weekday (1 = Monday) and minutes after midnight in Europe/Brussels, whatever the server's zone. */
// Made once: every portal page reads the clock (an Intl object per call held native memory that V8
// does not count; issue 15).
const BRUSSELS_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Brussels",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function brusselsClock(now: Date): { day: number; minute: number } {
  const parts = BRUSSELS_CLOCK.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1;
  return { day, minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

export function parseCidr(cidr: string): { address: string; prefix: number; type: "ipv4" | "ipv6" } | null {
  const [address, prefixText] = cidr.trim().split("/");
  const version = isIP(address ?? "");
  if (!address || !version) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) return null;
  return { address, prefix, type: version === 4 ? "ipv4" : "ipv6" };
}

export function isIpAllowed(ip: string | null, cidrs: string[]): boolean {
  if (!cidrs.length) return true;
  if (!ip) return false;
  const list = new BlockList();
  for (const c of cidrs) {
    const p = parseCidr(c);
    if (p) list.addSubnet(p.address, p.prefix, p.type);
  }
  const version = isIP(ip);
  return version !== 0 && list.check(ip, version === 4 ? "ipv4" : "ipv6");
}

export function evaluateAccessPolicy(policy: AccessPolicyRule | null, o: { now: Date; ip: string | null }): PolicyVerdict {
  if (!policy?.isEnforced) return { ok: true };
  const { day, minute } = brusselsClock(o.now);
  if (!policy.allowedDays.includes(day)) {
    return { ok: false, reason: "jour", message: msg("policy.access.day", { day: String(day) }) };
  }
  if (minute < policy.startMinute || minute >= policy.endMinute) {
    return {
      ok: false,
      reason: "heure",
      message: msg("policy.access.hours", { from: formatMinute(policy.startMinute), to: formatMinute(policy.endMinute) }),
    };
  }
  if (!isIpAllowed(o.ip, policy.allowedCidrs)) {
    return { ok: false, reason: "réseau", message: msg("policy.access.network") };
  }
  return { ok: true };
}

export const formatMinute = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
