// A day as Belgians read it in French and in Dutch (« 1/12/2026 »), in Brussels time: the dates of
// certificates in the batch channel's messages. Made once (each Intl object holds native memory
// that V8 does not count; docs/deployment.md, Memory).
const BRUSSELS_DAY = new Intl.DateTimeFormat("fr-BE", { timeZone: "Europe/Brussels" });

export function formatBrusselsDay(d: Date): string {
  return BRUSSELS_DAY.format(d);
}
