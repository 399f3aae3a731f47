/**
 * The environment `npm start` gives the build and the server: React Server Components' export
 * conditions, and Next.js telemetry off — an intranet portal of a public body sends nothing
 * anywhere, and Next.js otherwise announces (and sends) anonymous usage data (issue 11).
 */
export function serverEnv(base: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...(base as NodeJS.ProcessEnv) };
  env.NODE_OPTIONS = `${base.NODE_OPTIONS ?? ""} --conditions=react-server`.trim();
  env.NEXT_TELEMETRY_DISABLED = "1";
  return env;
}
