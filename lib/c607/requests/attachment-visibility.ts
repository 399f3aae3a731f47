// Which files ONEM has received (issue 9, finding 5). A file is ONEM's once the CPAS sent the
// request with it; until then it is the centre's working material — still removable, possibly a
// document about the wrong person — and ONEM neither lists it, downloads it nor learns its name
// (detail, timeline, download). One predicate decides both "received" and "removable".

import { msg } from "@/lib/i18n/message-ref";

import { type C607StatusCode, TRANSITIONS } from "./transitions";

type RequestState = { status: string; sentAt: Date | null };

/**
 * Received by ONEM: added before the last sending. Outside the statuses where the CPAS attaches
 * files, every file present predates the last sending (attach re-checks the status in its write),
 * so the status decides there and no clock is compared.
 */
export function isReceivedByOnem(attachment: { createdAt: Date }, request: RequestState): boolean {
  if (request.sentAt === null) return false;
  const isOpenToFiles = (TRANSITIONS.attach.from as readonly string[]).includes(request.status as C607StatusCode);
  return !isOpenToFiles || attachment.createdAt <= request.sentAt;
}

/** Whether the CPAS may still take this file back: ONEM has not received it. */
export const isRemovable = (attachment: { createdAt: Date }, request: RequestState): boolean => !isReceivedByOnem(attachment, request);

/** The files a reader of this side may see: all for the CPAS, the received ones for ONEM. */
export function visibleAttachments<A extends { createdAt: Date }>(attachments: A[], request: RequestState, side: "CPAS" | "ONEM"): A[] {
  return side === "CPAS" ? attachments : attachments.filter((a) => isReceivedByOnem(a, request));
}

/** The timeline note of an added file; also used to show ONEM a received file in its timeline. */
export const attachmentAddedNote = (a: { fileName: string; mimeType: string; size: number }) =>
  msg("c607.notes.attachmentAdded", { fileName: a.fileName, mimeType: a.mimeType, size: Math.ceil(a.size / 1024) });
