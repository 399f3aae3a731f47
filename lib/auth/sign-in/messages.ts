import { msg } from "@/lib/i18n/message-ref";

// The same words for an unknown account, a wrong password, a blocked or a locked account:
// the page must not tell an attacker which e-mail addresses exist (issue 2).
// Message references (lib/i18n/message-ref.ts): the boundary says them in the reader's language.
export const SIGN_IN_FAILED = msg("auth.errors.signInFailed");
export const CODE_FAILED = msg("auth.errors.codeFailed");
export const CHALLENGE_EXPIRED = msg("auth.errors.challengeExpired");
