import { layout, portalLink, value, type MailContext } from "./layout";

// Work notifications (issue 12): a title and a link into the portal, no personal data beyond what
// the recipient may see there, never a national number (the request is named by its reference).

type WorkData = { firstName: string; title: string; path: string };

const work = (subject: string, intro: string, linkLabel: string) => (d: WorkData, ctx: MailContext) =>
  layout(ctx, {
    subject,
    greeting: `Bonjour ${value(d.firstName)},`,
    blocks: [{ p: `${intro} ${value(d.title)}.` }, { link: portalLink(ctx, d.path), label: linkLabel }],
    footnote: "Vous recevez ce message selon vos préférences de notification (page « Mes courriels » du portail).",
  });

export const c607Answered = work("Demande C60.7 : réponse de l'ONEM", "L'ONEM a répondu à la demande", "Voir la demande");
export const c607ComplementRequested = work("Demande C60.7 : complément demandé", "L'ONEM demande un complément pour la demande", "Compléter la demande");
export const c607DerogationDecided = work("Demande C60.7 : dérogation décidée", "L'ONEM a décidé de la dérogation demandée pour", "Voir la décision");
export const c607SecondWindow = work("Demande C60.7 : second calcul possible", "La période du second calcul est ouverte pour", "Voir la demande");
export const fileReceived = work("FileExchange : fichier reçu", "Un fichier a été reçu :", "Ouvrir FileExchange");
export const c607DeadlineNear = work(
  "Demande C60.7 : échéance demain",
  "Le délai de traitement arrive à échéance demain pour la demande",
  "Ouvrir la file ONEM",
);
export const c607DeadlinePassed = work("Demande C60.7 : échéance dépassée", "Le délai de traitement est dépassé pour la demande", "Ouvrir la file ONEM");
export const accessReviewDue = work("Revue des accès à faire", "Le DPD a lancé une", "Ouvrir la revue");
export const rightExpiring = work("Un droit d'accès arrive à échéance", "Un droit d'accès que vous gérez arrive à échéance :", "Ouvrir la gestion des accès");

export const ruToSign = work("Rapport unique : formulaire à signer", "Un formulaire du Rapport unique attend votre signature :", "Ouvrir le formulaire");
export const ruReturned = work("Rapport unique : suite donnée à un formulaire", "Un formulaire du Rapport unique a changé d'état :", "Ouvrir le formulaire");

/** The daily digest: one line per notification held back, each with its link. */
export function digest(d: { firstName: string; items: { title: string; path: string }[] }, ctx: MailContext) {
  return layout(ctx, {
    subject: `Résumé du jour : ${d.items.length} notification${d.items.length > 1 ? "s" : ""}`,
    greeting: `Bonjour ${value(d.firstName)},`,
    blocks: [{ p: "Voici ce qui s'est passé depuis le dernier résumé :" }, { list: d.items.map((i) => `${value(i.title)} — ${portalLink(ctx, i.path)}`) }],
    footnote: "Vous recevez ce résumé selon vos préférences de notification (page « Mes courriels » du portail).",
  });
}
