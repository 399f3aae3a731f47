import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

// THE C60.7 workflow (issue 4, public ONEM FAQ): one table says, for every command, who may run it
// (the CPAS or ONEM), from which statuses, and to which status it leads. Every domain function
// asks `assertTransition` before it writes; nothing else decides whether a change is legal.

export type C607StatusCode = "DRAFT" | "SENT" | "IN_PROGRESS" | "COMPLEMENT_REQUESTED" | "CALCULATED" | "REFUSED";
export type Side = "CPAS" | "ONEM";

type Transition = {
  side: Side;
  from: readonly C607StatusCode[];
  to: C607StatusCode | "SAME";
};

export const TRANSITIONS = {
  // CPAS: a request is editable while it is a draft or when ONEM asked for a complement.
  update: {
    side: "CPAS",
    from: ["DRAFT", "COMPLEMENT_REQUESTED"],
    to: "SAME",
  },
  attach: {
    side: "CPAS",
    from: ["DRAFT", "COMPLEMENT_REQUESTED"],
    to: "SAME",
  },
  // Only a file ONEM has not received yet (checked in remove-attachment.ts): what was sent stays.
  detach: {
    side: "CPAS",
    from: ["DRAFT", "COMPLEMENT_REQUESTED"],
    to: "SAME",
  },
  send: {
    side: "CPAS",
    from: ["DRAFT", "COMPLEMENT_REQUESTED"],
    to: "SENT",
  },
  // A calculated request only continues as an editable copy (the copy is a new draft).
  copy: {
    side: "CPAS",
    from: ["CALCULATED"],
    to: "SAME",
  },
  // ONEM
  take: {
    side: "ONEM",
    from: ["SENT"],
    to: "IN_PROGRESS",
  },
  request_complement: {
    side: "ONEM",
    from: ["SENT", "IN_PROGRESS"],
    to: "COMPLEMENT_REQUESTED",
  },
  accept_derogation: {
    side: "ONEM",
    from: ["IN_PROGRESS"],
    to: "SAME",
  },
  refuse_derogation: {
    side: "ONEM",
    from: ["IN_PROGRESS"],
    to: "REFUSED",
  },
  calculate: {
    side: "ONEM",
    from: ["IN_PROGRESS"],
    to: "SAME",
  },
  answer: {
    side: "ONEM",
    from: ["IN_PROGRESS"],
    to: "CALCULATED",
  },
} as const satisfies Record<string, Transition>;

export type Command = keyof typeof TRANSITIONS;
export const COMMANDS = Object.keys(TRANSITIONS) as Command[];

export function isAllowed(command: Command, status: C607StatusCode, side: Side): boolean {
  const t: Transition = TRANSITIONS[command];
  return t.side === side && t.from.includes(status);
}

/** The status after `command`; throws a 422 (a catalogue reference) (or 403 for the wrong side) when it is illegal. */
export function assertTransition(command: Command, status: C607StatusCode, side: Side): C607StatusCode {
  const t: Transition = TRANSITIONS[command];
  if (t.side !== side) {
    throw new AppError("FORBIDDEN", msg(t.side === "ONEM" ? "c607.errors.onlyOnem" : "c607.errors.onlyCpas", { command }));
  }
  if (!t.from.includes(status)) {
    throw new AppError("UNPROCESSABLE", msg("c607.errors.wrongStatus", { status, command }));
  }
  return t.to === "SAME" ? status : t.to;
}

/** What, besides the status, decides whether a command can succeed (checked again by each command). */
export type RequestState = {
  status: C607StatusCode;
  side: Side;
  isDerogationPending: boolean;
  hasProposal: boolean;
  hasRemovableAttachment: boolean;
};

// The conditions the domain functions enforce on top of the table: a derogation is decided only
// while pending (decide-derogation.ts) and blocks the calculation until then (calculate-request.ts);
// an answer validates or corrects a proposal (answer-request.ts); only a file ONEM has not received
// can be taken back (remove-attachment.ts).
const PRECONDITIONS: Partial<Record<Command, (s: RequestState) => boolean>> = {
  accept_derogation: (s) => s.isDerogationPending,
  refuse_derogation: (s) => s.isDerogationPending,
  calculate: (s) => !s.isDerogationPending,
  answer: (s) => s.hasProposal,
  detach: (s) => s.hasRemovableAttachment,
};

/** Commands that can succeed now, for this side: the buttons of the detail page and the API. */
export function availableCommands(state: RequestState): Command[] {
  return COMMANDS.filter((c) => isAllowed(c, state.status, state.side) && (PRECONDITIONS[c]?.(state) ?? true));
}

export const CPAS_EDITABLE: readonly C607StatusCode[] = TRANSITIONS.update.from;
