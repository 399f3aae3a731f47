// Keys whose Dutch text is, rightly, the French one: proper nouns, codes and names of documents
// that are the same in both languages. Each entry says why. Anything else identical in both
// catalogues fails lib/i18n/catalogue.test.ts.
export const SAME_IN_BOTH = new Set<string>([
  // FOREM is the Walloon employment office's name; FileExchange is the product's name (eHealth/BCSS).
  "nav.forem",
  "nav.fileExchange",
  // Security log: words spelt the same in Dutch, a dash for "nothing", the column of machine codes.
  "securityLog.keys.email",
  "securityLog.keys.level",
  "securityLog.keys.envelope",
  "securityLog.words.nothing",
  "securityLog.csv.col3",
  // Rapport unique: « enveloppe » is the Belgian Dutch budgetary term too (POD MI); « Campagnes » is spelt the same.
  "ru.overview.campaigns",
  "ru.form.envelope",
  "ru.grantsImport.envelope",
  "ru.sheet.grants.envelope",
  // Access management: product names of the social-security portal's applications and rights, the
  // same on its French and Dutch pages (BeConnected, Match-It, MyHandicap, Primaweb, e-Box,
  // FileExchange, Handiweb).
  "access.applications.BECONNECTED.name",
  "access.applications.MATCH_IT.name",
  "access.applications.MYHANDICAP.name",
  "access.applications.PRIMAWEB.name",
  "access.applications.EBOX.name",
  "access.applications.FILE_EXCHANGE.name",
  "access.rights.FILE_EXCHANGE.name",
  "access.rights.HANDIWEB.name",
  "access.rights.MYHANDICAP.name",
  "access.areas.fileexchange.title",
  // Add keys here as "namespace.key", with the reason in a comment above them.
  // FOREM contracts import: « Type » is the same word in Dutch (a column heading the import accepts
  // in both languages); a list's separator joins two names, the same punctuation in both.
  "forem.import.columns.kind",
  "forem.import.errors.columnList",
  // Batch channel: product names of the social-security services (CareerPro FLA, Ecaro, Publiato),
  // the same on Chaman's French and Dutch pages; a code followed by its label in brackets.
  "batch.services.FLA",
  "batch.services.ECARO",
  "batch.services.PUBLIATO",
  "batch.status.classWithLabel",
  // REST channel (issue 14): the type of a Chaman webservice account, a protocol's name.
  "batch.rest.typeRest",
]);
