// What happened after a C60.7 action, shown at the top of the request once the page reloads
// (issue 11: saving, attaching and sending said nothing). The code travels in `?fait=`; an unknown
// code shows nothing. The texts are in the catalogue (c607.notices.<code>).

export const NOTICE_CODES = ["cree", "enregistre", "joint", "envoye", "copie", "pris", "complement", "derogation", "calcule", "repondu"] as const;

export type NoticeCode = (typeof NOTICE_CODES)[number];

export function noticeOf(code: string | undefined): NoticeCode | null {
  return code && (NOTICE_CODES as readonly string[]).includes(code) ? (code as NoticeCode) : null;
}
