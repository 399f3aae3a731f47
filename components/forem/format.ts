import { CONTRACT_KINDS, WORK_REGIMES } from "@/lib/forem/contracts/contract-schema";
import { formatDate } from "@/lib/forem/dates";

export const kindLabel = (k: keyof typeof CONTRACT_KINDS) => CONTRACT_KINDS[k];
export const regimeLabel = (r: keyof typeof WORK_REGIMES, hours?: string | null) =>
  r === "PART_TIME" && hours ? `${WORK_REGIMES[r]} (${hours.replace(".", ",")} h)` : WORK_REGIMES[r];
export const day = (d: string | null | undefined) => (d ? formatDate(d) : "—");
export const dateTime = (d: Date) => new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" }).format(d);
