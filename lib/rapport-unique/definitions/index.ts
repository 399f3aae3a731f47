import { type FormDefinition, ZYearDefinitions } from "../definition";

import year2025 from "./2025.json" with { type: "json" };

// The form definitions per subsidy year: adding a year is adding its JSON file here. Each file is
// validated when loaded; a definition that does not parse stops the portal at start, not a user.
const FILES: Record<number, unknown> = { 2025: year2025 };

export function definitionsForYear(year: number): FormDefinition[] | null {
  const file = FILES[year];
  if (!file) return null;
  const defs = ZYearDefinitions.parse(file);
  for (const d of defs) if (d.year !== year) throw new Error(`Définition ${d.code} : année ${d.year} dans le fichier ${year}`);
  return defs;
}

export const DEFINITION_YEARS = Object.keys(FILES).map(Number);
