import { greeting, layout, localized, mailT, portalLink, value, when, type MailContext } from "./layout";

// Mails about one's own account (issue 12): the links they carry are single-use credentials, so
// the outbox keeps their bodies sealed and erases them once sent (lib/outbox). Every text is the
// catalogue's (messages/<locale>/mail.json), in the recipient's language (ctx.locale, issue 13).

export function invitation(d: { firstName: string; inviterName: string; qualityLabel: string; token: string; expiresAt: Date | string }, ctx: MailContext) {
  const t = mailT(ctx);
  return layout(ctx, {
    subject: t("mail.invitation.subject"),
    greeting: greeting(ctx, d.firstName),
    blocks: [
      { p: t("mail.invitation.invites", { inviter: value(d.inviterName), quality: value(d.qualityLabel) }) },
      { p: t("mail.invitation.choose") },
      { link: portalLink(ctx, `/invitation/${encodeURIComponent(d.token)}`), label: t("mail.invitation.button") },
      { p: t("mail.invitation.expires", { at: when(ctx, d.expiresAt) }) },
    ],
    footnote: t("mail.invitation.footnote"),
  });
}

export function passwordReset(d: { firstName: string; token: string; minutes: number }, ctx: MailContext) {
  const t = mailT(ctx);
  return layout(ctx, {
    subject: t("mail.passwordReset.subject"),
    greeting: greeting(ctx, d.firstName),
    blocks: [
      { p: t("mail.passwordReset.asked") },
      { link: portalLink(ctx, `/mot-de-passe-oublie/${encodeURIComponent(d.token)}`), label: t("mail.passwordReset.button") },
      { p: t("mail.passwordReset.expires", { minutes: d.minutes }) },
    ],
    footnote: t("mail.passwordReset.footnote"),
  });
}

export function secondFactorReset(d: { firstName: string; byName: string }, ctx: MailContext) {
  const t = mailT(ctx);
  return layout(ctx, {
    subject: t("mail.secondFactorReset.subject"),
    greeting: greeting(ctx, d.firstName),
    blocks: [
      { p: t("mail.secondFactorReset.done", { by: value(d.byName) }) },
      { p: t("mail.secondFactorReset.next") },
      { link: portalLink(ctx, "/login"), label: t("mail.secondFactorReset.button") },
    ],
    footnote: t("mail.secondFactorReset.footnote"),
  });
}

export function passwordChanged(d: { firstName: string; at: Date | string; how: "réinitialisation" | "modification" }, ctx: MailContext) {
  const t = mailT(ctx);
  return layout(ctx, {
    subject: t("mail.passwordChanged.subject"),
    greeting: greeting(ctx, d.firstName),
    blocks: [
      { p: t("mail.passwordChanged.changed", { at: when(ctx, d.at), how: d.how === "modification" ? "change" : "reset" }) },
      { p: t("mail.passwordChanged.ifYou") },
    ],
    footnote: t("mail.passwordChanged.footnote"),
  });
}

export function newSignIn(d: { firstName: string; at: Date | string; ip: string | null; browser: string | null }, ctx: MailContext) {
  const t = mailT(ctx);
  return layout(ctx, {
    subject: t("mail.newSignIn.subject"),
    greeting: greeting(ctx, d.firstName),
    blocks: [
      { p: t("mail.newSignIn.happened", { at: when(ctx, d.at) }) },
      {
        list: [
          t("mail.newSignIn.address", { ip: value(d.ip) || t("mail.newSignIn.unknownAddress") }),
          t("mail.newSignIn.browser", { browser: value(d.browser && localized(ctx, d.browser), 120) || t("mail.newSignIn.unknownBrowser") }),
        ],
      },
      { link: portalLink(ctx, "/sessions"), label: t("mail.newSignIn.button") },
    ],
    footnote: t("mail.newSignIn.footnote"),
  });
}

export function accountLocked(d: { firstName: string; until: Date | string }, ctx: MailContext) {
  const t = mailT(ctx);
  return layout(ctx, {
    subject: t("mail.accountLocked.subject"),
    greeting: greeting(ctx, d.firstName),
    blocks: [{ p: t("mail.accountLocked.locked", { until: when(ctx, d.until) }) }, { p: t("mail.accountLocked.forgotten") }],
    footnote: t("mail.accountLocked.footnote"),
  });
}

export function sessionsEnded(d: { firstName: string; byName: string; at: Date | string }, ctx: MailContext) {
  const t = mailT(ctx);
  return layout(ctx, {
    subject: t("mail.sessionsEnded.subject"),
    greeting: greeting(ctx, d.firstName),
    blocks: [
      // `byName`: a person's name, or a message reference (« Le DPD de votre centre »).
      { p: t("mail.sessionsEnded.ended", { by: value(localized(ctx, d.byName)), at: when(ctx, d.at) }) },
      { link: portalLink(ctx, "/login"), label: t("mail.sessionsEnded.button") },
    ],
  });
}
