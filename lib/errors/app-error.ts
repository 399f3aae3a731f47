// One error type for expected failures. Only these messages reach the user, in their language: the
// message is a catalogue reference made with `msg()` (lib/i18n/message-ref.ts), translated where the
// answer is written (define-action, route-handler); anything else is logged with an id and answered
// with a generic message (lib/errors/report-error.ts).
import { msg } from "@/lib/i18n/message-ref";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const notFound = () => new AppError("NOT_FOUND", msg("errors.notFound"));
export const forbidden = () => new AppError("FORBIDDEN", msg("errors.forbidden"));
