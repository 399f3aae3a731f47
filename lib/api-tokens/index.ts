// Personal API tokens (issue 4): technical users call the C60.7 API as themselves, without a
// browser. Rules: who may create (create-api-token.ts), what a token must pass on each call
// (authenticate-api-token.ts), format and hash (token-format.ts). Docs: docs/c607.md.
export { authenticateApiToken, unauthenticatedToken } from "./authenticate-api-token";
export { createApiToken, type CreatedApiToken } from "./create-api-token";
export { listMyApiTokens, type ApiTokenState, type MyApiToken } from "./list-my-api-tokens";
export { resumeApiToken } from "./resume-api-token";
export { revokeApiToken } from "./revoke-api-token";
export { bearerTokenOf } from "./token-format";
