// Issue 13: the areas whose screens still carry French text in their components. The rule
// i18next/no-literal-string (eslint.config.mjs) applies to every .tsx file of app/ and components/
// except these; an area leaves this list when its text has moved to messages/fr and messages/nl.
// An empty list is the goal.
export const I18N_PENDING = [
  "app/(portal)/forem/**",
  "app/(portal)/fileexchange/**",
  // components/forem without the encryption page's files (crypto-result, file-crypto-help,
  // file-crypto-island, file-drop-zone, mode-switch, password-fields: moved to messages/*/encryption.json).
  "components/forem/!(crypto-result|file-crypto-help|file-crypto-island|file-drop-zone|mode-switch|password-fields).tsx",
];
