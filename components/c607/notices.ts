// What happened after a C60.7 action, shown at the top of the request once the page reloads
// (issue 11: saving, attaching and sending said nothing). The code travels in `?fait=`; an unknown
// code shows nothing.

export const NOTICES = {
  cree: "Brouillon créé. Joignez les pièces utiles, puis envoyez la demande à l'ONEM.",
  enregistre: "Modifications enregistrées.",
  joint: "Pièce jointe ajoutée.",
  envoye: "Demande envoyée à l'ONEM. Le CPAS ne peut plus la modifier, sauf si l'ONEM demande un complément.",
  copie: "Copie modifiable créée : c'est un nouveau brouillon.",
  pris: "Demande prise en traitement.",
  complement: "Demande renvoyée au CPAS avec le complément demandé.",
  derogation: "Décision sur la dérogation enregistrée.",
  calcule: "Calcul effectué : vérifiez la proposition ci-dessous avant de répondre.",
  repondu: "Réponse envoyée au CPAS.",
} as const;

export type NoticeCode = keyof typeof NOTICES;

export function noticeOf(code: string | undefined): NoticeCode | null {
  return code && Object.hasOwn(NOTICES, code) ? (code as NoticeCode) : null;
}

/** Before sending: what cannot be undone (issue 11: the page said the step was irreversible but never asked). */
export const SEND_CONFIRMATION =
  "Envoyer la demande à l'ONEM ?\n\nCette action est définitive : après l'envoi, le CPAS ne peut plus modifier la demande (sauf si l'ONEM demande un complément) ni retirer les pièces jointes envoyées, et l'envoi ne peut pas être annulé.";
