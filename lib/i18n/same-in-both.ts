// Keys whose Dutch text is, rightly, the French one: proper nouns, codes and names of documents
// that are the same in both languages. Each entry says why. Anything else identical in both
// catalogues fails lib/i18n/catalogue.test.ts.
export const SAME_IN_BOTH = new Set<string>([
  // FOREM is the Walloon employment office's name; FileExchange is the product's name (eHealth/BCSS).
  "nav.forem",
  "nav.fileExchange",
  // Add keys here as "namespace.key", with the reason in a comment above them.
]);
