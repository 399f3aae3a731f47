// The message catalogues (issue 13): one JSON file per namespace and language in messages/<locale>/,
// so that areas are translated side by side without touching one big file. A new namespace is a
// file in each language folder plus one import and one line per language below. Static imports:
// the catalogues are part of the build (no file read per request) and their keys are typed.
import fr_common from "../../messages/fr/common.json" with { type: "json" };
import fr_nav from "../../messages/fr/nav.json" with { type: "json" };
import fr_errors from "../../messages/fr/errors.json" with { type: "json" };
import fr_validation from "../../messages/fr/validation.json" with { type: "json" };
import fr_auth from "../../messages/fr/auth.json" with { type: "json" };
import fr_account from "../../messages/fr/account.json" with { type: "json" };
import fr_dashboard from "../../messages/fr/dashboard.json" with { type: "json" };
import fr_access from "../../messages/fr/access.json" with { type: "json" };
import fr_c607 from "../../messages/fr/c607.json" with { type: "json" };
import fr_forem from "../../messages/fr/forem.json" with { type: "json" };
import fr_encryption from "../../messages/fr/encryption.json" with { type: "json" };
import fr_ru from "../../messages/fr/ru.json" with { type: "json" };
import fr_batch from "../../messages/fr/batch.json" with { type: "json" };
import fr_securityLog from "../../messages/fr/securityLog.json" with { type: "json" };
import fr_mail from "../../messages/fr/mail.json" with { type: "json" };
import fr_inbox from "../../messages/fr/inbox.json" with { type: "json" };
import fr_apiTokens from "../../messages/fr/apiTokens.json" with { type: "json" };
import fr_sessions from "../../messages/fr/sessions.json" with { type: "json" };
import fr_policy from "../../messages/fr/policy.json" with { type: "json" };
import fr_audit from "../../messages/fr/audit.json" with { type: "json" };
import nl_common from "../../messages/nl/common.json" with { type: "json" };
import nl_nav from "../../messages/nl/nav.json" with { type: "json" };
import nl_errors from "../../messages/nl/errors.json" with { type: "json" };
import nl_validation from "../../messages/nl/validation.json" with { type: "json" };
import nl_auth from "../../messages/nl/auth.json" with { type: "json" };
import nl_account from "../../messages/nl/account.json" with { type: "json" };
import nl_dashboard from "../../messages/nl/dashboard.json" with { type: "json" };
import nl_access from "../../messages/nl/access.json" with { type: "json" };
import nl_c607 from "../../messages/nl/c607.json" with { type: "json" };
import nl_forem from "../../messages/nl/forem.json" with { type: "json" };
import nl_encryption from "../../messages/nl/encryption.json" with { type: "json" };
import nl_ru from "../../messages/nl/ru.json" with { type: "json" };
import nl_batch from "../../messages/nl/batch.json" with { type: "json" };
import nl_securityLog from "../../messages/nl/securityLog.json" with { type: "json" };
import nl_mail from "../../messages/nl/mail.json" with { type: "json" };
import nl_inbox from "../../messages/nl/inbox.json" with { type: "json" };
import nl_apiTokens from "../../messages/nl/apiTokens.json" with { type: "json" };
import nl_sessions from "../../messages/nl/sessions.json" with { type: "json" };
import nl_policy from "../../messages/nl/policy.json" with { type: "json" };
import nl_audit from "../../messages/nl/audit.json" with { type: "json" };

export const fr = {
  common: fr_common,
  nav: fr_nav,
  errors: fr_errors,
  validation: fr_validation,
  auth: fr_auth,
  account: fr_account,
  dashboard: fr_dashboard,
  access: fr_access,
  c607: fr_c607,
  forem: fr_forem,
  encryption: fr_encryption,
  ru: fr_ru,
  batch: fr_batch,
  securityLog: fr_securityLog,
  mail: fr_mail,
  inbox: fr_inbox,
  apiTokens: fr_apiTokens,
  sessions: fr_sessions,
  policy: fr_policy,
  audit: fr_audit,
};

/** Dutch has the French catalogue's shape: the unit test checks that every key exists in both. */
export const nl: typeof fr = {
  common: nl_common as typeof fr_common,
  nav: nl_nav as typeof fr_nav,
  errors: nl_errors as typeof fr_errors,
  validation: nl_validation as typeof fr_validation,
  auth: nl_auth as typeof fr_auth,
  account: nl_account as typeof fr_account,
  dashboard: nl_dashboard as typeof fr_dashboard,
  access: nl_access as typeof fr_access,
  c607: nl_c607 as typeof fr_c607,
  forem: nl_forem as typeof fr_forem,
  encryption: nl_encryption as typeof fr_encryption,
  ru: nl_ru as typeof fr_ru,
  batch: nl_batch as typeof fr_batch,
  securityLog: nl_securityLog as typeof fr_securityLog,
  mail: nl_mail as typeof fr_mail,
  inbox: nl_inbox as typeof fr_inbox,
  apiTokens: nl_apiTokens as typeof fr_apiTokens,
  sessions: nl_sessions as typeof fr_sessions,
  policy: nl_policy as typeof fr_policy,
  audit: nl_audit as typeof fr_audit,
};
