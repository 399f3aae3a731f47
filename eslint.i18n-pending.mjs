// Issue 13: the areas whose screens still carry French text in their components. The rule
// i18next/no-literal-string (eslint.config.mjs) applies to every .tsx file of app/ and components/
// except these; an area leaves this list when its text has moved to messages/fr and messages/nl.
// An empty list is the goal.
// Empty since the FOREM and FileExchange screens moved (issue 13); kept so that an area added later
// without its catalogue can be listed here for a while, as eslint.config.mjs still reads it.
/** @type {string[]} */
export const I18N_PENDING = [];
