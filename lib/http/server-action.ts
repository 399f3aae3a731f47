import "server-only";

// The state every form bound to a server action reads (`useActionState(action, { status: "idle" })`).
// Actions are built by lib/http/define-action.ts, which turns next-safe-action's result into it.
export type ActionState<T = undefined> =
  { status: "idle" } | { status: "error"; message: string; fieldErrors?: Record<string, string[]> } | { status: "success"; message?: string; data: T };

export { parseInput } from "./parse-input";

// Legacy shape, kept only while the last actions move to define-action.ts; the one-way-in test
// (lib/http/one-way-in.test.ts) fails on any exported action still built with it.
import { isAppError } from "@/lib/errors/app-error";
import { userMessage } from "@/lib/errors/report-error";

export async function runAction<T>(context: string, fn: () => Promise<T>): Promise<ActionState<T>> {
  try {
    return { status: "success", data: await fn() };
  } catch (error) {
    return { status: "error", message: userMessage(error, context), fieldErrors: isAppError(error) ? error.fieldErrors : undefined };
  }
}
