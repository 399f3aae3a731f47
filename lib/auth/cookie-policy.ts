// Shared by next-auth's options and proxy.ts, which must look for the same cookie name
// ("__Secure-next-auth.session-token" behind HTTPS). Reads the environment directly because the
// proxy cannot load lib/env (server-only); only these two variables are read here.
export function shouldUseSecureCookies(): boolean {
  const forced = process.env.PORTAL_SECURE_COOKIES;
  if (forced) return forced === "true";
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET;
}
