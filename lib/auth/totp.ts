import { generateSecret, generateURI, verify } from "otplib";

// RFC 6238 TOTP, 6 digits, 30 s. One step of clock drift either way is tolerated; a code is
// accepted only if its time step is later than the last accepted one, so a code cannot be replayed.

export const TOTP_ISSUER = "Portail CPAS";

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

export type TotpCheck = { ok: true; timeStep: number } | { ok: false; reason: "invalid" | "replayed" };

export async function checkTotp(opts: { secret: string; code: string; lastStep: number | null; now?: Date }): Promise<TotpCheck> {
  const code = opts.code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "invalid" };
  const epoch = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const result = await verify({ secret: opts.secret, token: code, epoch, epochTolerance: 30 });
  if (!result.valid || !("timeStep" in result)) return { ok: false, reason: "invalid" };
  const timeStep = result.timeStep as number;
  if (opts.lastStep !== null && timeStep <= opts.lastStep) return { ok: false, reason: "replayed" };
  return { ok: true, timeStep };
}
