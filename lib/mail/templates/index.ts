import * as account from "./account";
import type { MailContext, RenderedMail } from "./layout";
import * as work from "./work";

// Every mail the portal sends, by kind: the one place for templates (issue 12).
export const MAIL_TEMPLATES = {
  invitation: account.invitation,
  password_reset: account.passwordReset,
  second_factor_reset: account.secondFactorReset,
  password_changed: account.passwordChanged,
  new_sign_in: account.newSignIn,
  account_locked: account.accountLocked,
  sessions_ended: account.sessionsEnded,
  c607_answered: work.c607Answered,
  c607_complement_requested: work.c607ComplementRequested,
  c607_derogation_decided: work.c607DerogationDecided,
  c607_second_window: work.c607SecondWindow,
  c607_deadline_near: work.c607DeadlineNear,
  c607_deadline_passed: work.c607DeadlinePassed,
  fileexchange_received: work.fileReceived,
  right_expiring: work.rightExpiring,
  access_review_due: work.accessReviewDue,
  ru_to_sign: work.ruToSign,
  ru_returned: work.ruReturned,
  digest: work.digest,
} satisfies Record<string, (data: never, ctx: MailContext) => RenderedMail>;

export type MailKind = keyof typeof MAIL_TEMPLATES;
export type MailData<K extends MailKind> = Parameters<(typeof MAIL_TEMPLATES)[K]>[0];

export function renderMail<K extends MailKind>(kind: K, data: MailData<K>, ctx: MailContext): RenderedMail {
  return (MAIL_TEMPLATES[kind] as (d: MailData<K>, c: MailContext) => RenderedMail)(data, ctx);
}

/** Mails whose body holds a single-use credential: shown nowhere but in the mail itself. */
export const CREDENTIAL_KINDS: readonly MailKind[] = ["invitation", "password_reset"];

export type { MailContext, RenderedMail };
