// Before/after summaries must never carry secrets or national numbers, whatever a caller passes.
const SECRET_KEY = /pass(word)?|secret|token|hash|niss|recovery|otp|cookie/i;

export function redactSummary(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (depth > 4) return "[…]";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactSummary(v, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      out[k] = SECRET_KEY.test(k) ? "[masqué]" : redactSummary(v, depth + 1);
    }
    return out;
  }
  if (typeof value === "string" && value.length > 500) return `${value.slice(0, 500)}…`;
  if (typeof value === "bigint") return value.toString();
  return value;
}
