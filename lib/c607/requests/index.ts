// C60.7 requests (issue 4): the workflow behind the pages, the server actions and /api/c607.
// Rules: transitions.ts (who may do what, from which status); schemas.ts (every input).
export { addAttachment, getAttachment } from "./add-attachment";
export { answerRequest } from "./answer-request";
export { calculateRequest, type StoredProposal } from "./calculate-request";
export { type C607Context, sideOf } from "./context";
export { copyRequest } from "./copy-request";
export { createRequest } from "./create-request";
export { decideDerogation } from "./decide-derogation";
export { getRequestDetail, getTimeline, type RequestDetail } from "./get-request";
export { listRequests } from "./list-requests";
export { removeAttachment } from "./remove-attachment";
export { requestComplement } from "./request-complement";
export { sendRequest } from "./send-request";
export { takeRequest } from "./take-request";
export { updateDraft } from "./update-draft";
