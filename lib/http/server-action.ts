import "server-only";

// The state every form bound to a server action reads (`useActionState(action, { status: "idle" })`).
// Actions are built by lib/http/define-action.ts, which turns next-safe-action's result into it.
export type ActionState<T = undefined> =
  { status: "idle" } | { status: "error"; message: string; fieldErrors?: Record<string, string[]> } | { status: "success"; message?: string; data: T };

export { parseInput } from "./parse-input";
