import { layout, portalLink, value, when, type MailContext } from "./layout";

// Mails about one's own account (issue 12): the links they carry are single-use credentials, so
// the outbox keeps their bodies sealed and erases them once sent (lib/outbox).

export function invitation(d: { firstName: string; inviterName: string; qualityLabel: string; token: string; expiresAt: Date | string }, ctx: MailContext) {
  return layout(ctx, {
    subject: "Votre accès au portail CPAS",
    greeting: `Bonjour ${value(d.firstName)},`,
    blocks: [
      { p: `${value(d.inviterName)} vous invite à utiliser le portail CPAS (${value(d.qualityLabel)}).` },
      {
        p: "Choisissez votre mot de passe par ce lien personnel. À la première connexion, le portail vous demandera de configurer la double authentification (une application comme FreeOTP, Aegis, Google ou Microsoft Authenticator).",
      },
      { link: portalLink(ctx, `/invitation/${encodeURIComponent(d.token)}`), label: "Activer mon compte" },
      { p: `Ce lien ne sert qu'une fois et expire le ${when(d.expiresAt)}.` },
    ],
    footnote: "Vous n'attendiez pas cette invitation ? Ne faites rien : sans mot de passe choisi, aucun compte n'est activé.",
  });
}

export function passwordReset(d: { firstName: string; token: string; minutes: number }, ctx: MailContext) {
  return layout(ctx, {
    subject: "Réinitialiser votre mot de passe",
    greeting: `Bonjour ${value(d.firstName)},`,
    blocks: [
      { p: "Une demande de réinitialisation du mot de passe de votre compte a été faite sur la page de connexion." },
      { link: portalLink(ctx, `/mot-de-passe-oublie/${encodeURIComponent(d.token)}`), label: "Choisir un nouveau mot de passe" },
      { p: `Ce lien ne sert qu'une fois et expire dans ${d.minutes} minutes. La double authentification reste demandée à la connexion suivante.` },
    ],
    footnote: "Vous n'avez rien demandé ? Ignorez ce message : votre mot de passe ne change pas. Si cela se répète, prévenez votre gestionnaire local.",
  });
}

export function secondFactorReset(d: { firstName: string; byName: string }, ctx: MailContext) {
  return layout(ctx, {
    subject: "Votre double authentification a été réinitialisée",
    greeting: `Bonjour ${value(d.firstName)},`,
    blocks: [
      {
        p: `${value(d.byName)} a réinitialisé la double authentification de votre compte : votre ancienne application et vos codes de récupération ne fonctionnent plus, et vos sessions ouvertes ont été fermées.`,
      },
      {
        p: "À votre prochaine connexion, après votre mot de passe, le portail vous demandera de scanner un nouveau code QR ; vous recevrez de nouveaux codes de récupération.",
      },
      { link: portalLink(ctx, "/login"), label: "Se connecter" },
    ],
    footnote: "Vous n'avez rien demandé ? Prévenez tout de suite votre gestionnaire local ou le DPD de votre centre.",
  });
}

export function passwordChanged(d: { firstName: string; at: Date | string; how: "réinitialisation" | "modification" }, ctx: MailContext) {
  return layout(ctx, {
    subject: "Votre mot de passe a été changé",
    greeting: `Bonjour ${value(d.firstName)},`,
    blocks: [
      {
        p: `Le mot de passe de votre compte a été changé le ${when(d.at)} (${d.how}). ${d.how === "modification" ? "Vos autres sessions ont été fermées." : "Vos sessions ouvertes ont été fermées."}`,
      },
      { p: "Si c'était vous, il n'y a rien à faire." },
    ],
    footnote: "Ce n'était pas vous ? Prévenez tout de suite votre gestionnaire local ou le DPD de votre centre : il peut bloquer le compte.",
  });
}

export function newSignIn(d: { firstName: string; at: Date | string; ip: string | null; browser: string | null }, ctx: MailContext) {
  return layout(ctx, {
    subject: "Nouvelle connexion à votre compte",
    greeting: `Bonjour ${value(d.firstName)},`,
    blocks: [
      { p: `Une connexion à votre compte a eu lieu le ${when(d.at)} depuis un appareil ou une adresse que le portail ne connaissait pas :` },
      { list: [`adresse : ${value(d.ip) || "inconnue"}`, `navigateur : ${value(d.browser, 120) || "inconnu"}`] },
      { link: portalLink(ctx, "/sessions"), label: "Voir mes sessions" },
    ],
    footnote: "Ce n'était pas vous ? Fermez la session depuis la page « Mes sessions », changez votre mot de passe et prévenez le DPD de votre centre.",
  });
}

export function accountLocked(d: { firstName: string; until: Date | string }, ctx: MailContext) {
  return layout(ctx, {
    subject: "Votre compte est verrouillé temporairement",
    greeting: `Bonjour ${value(d.firstName)},`,
    blocks: [
      { p: `Après plusieurs essais de connexion manqués, votre compte est verrouillé jusqu'au ${when(d.until)}. Vos sessions ouvertes ont été fermées.` },
      { p: "Mot de passe oublié ? Vous pourrez le réinitialiser depuis la page de connexion." },
    ],
    footnote: "Ce n'était pas vous ? Quelqu'un essaie peut-être votre adresse : prévenez le DPD de votre centre.",
  });
}

export function sessionsEnded(d: { firstName: string; byName: string; at: Date | string }, ctx: MailContext) {
  return layout(ctx, {
    subject: "Toutes vos sessions ont été fermées",
    greeting: `Bonjour ${value(d.firstName)},`,
    blocks: [
      { p: `${value(d.byName)} a fermé toutes vos sessions le ${when(d.at)}. Vos jetons d'API personnels ont été révoqués.` },
      { link: portalLink(ctx, "/login"), label: "Se reconnecter" },
    ],
  });
}
