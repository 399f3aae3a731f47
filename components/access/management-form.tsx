"use client";

import { useLocale, useTranslations } from "next-intl";
import { createContext, useActionState, useCallback, useContext, useRef, useState, useTransition, type ReactNode } from "react";

import { ActionResult, type State } from "@/components/ui/action-form";

type Notice = { message: string; generation: number };
type Notices = {
  notice: Notice | null;
  announce: (message: string) => void;
  /** A refusal of a table's shared form (TableActionForm), said where the successes are. */
  alert: (message: string) => void;
  generation: () => number;
};
const NoticeContext = createContext<Notices>({ notice: null, announce: () => undefined, alert: () => undefined, generation: () => 0 });

/**
 * The access-management pages' message area (issue 11: « Retirer » or deleting a co-RAE said
 * nothing, because the row holding the form — and its message — disappears with the change). Every
 * success is announced here, above the page, where it survives the row; it also clears the errors
 * other forms still showed from earlier attempts, which made a success look failed.
 */
export function ManagementNotices({ children }: { children: ReactNode }) {
  const [said, setNotice] = useState<(Notice & { locale: string }) | null>(null);
  const [refused, setRefusal] = useState<{ message: string; locale: string } | null>(null);
  const count = useRef(0);
  // The page keeps its client state when the person switches language: a message said in the other
  // language is not shown any more.
  const locale = useLocale();
  const notice = said?.locale === locale ? said : null;
  const refusal = refused?.locale === locale ? refused.message : null;
  const announce = useCallback(
    (message: string) => {
      count.current += 1;
      setNotice({ message, generation: count.current, locale });
      setRefusal(null);
    },
    [locale],
  );
  const alert = useCallback(
    (message: string) => {
      setNotice(null);
      setRefusal({ message, locale });
    },
    [locale],
  );
  const generation = useCallback(() => count.current, []);
  return (
    <NoticeContext.Provider value={{ notice: said, announce, alert, generation }}>
      <div className="sticky top-0 z-10">
        <div role="status" aria-live="polite" className="empty:hidden">
          {notice && (
            <p data-testid="message-gestion" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 shadow-sm">
              {notice.message}
            </p>
          )}
        </div>
        <div role="alert" className="empty:hidden">
          {refusal && (
            <p data-testid="erreur-gestion" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 shadow-sm">
              {refusal}
            </p>
          )}
        </div>
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

const STYLES = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-400 bg-white hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
};

/**
 * A form of the access-management pages bound to a server action. Irreversible or far-reaching
 * changes ask first (`confirm`, saying what cannot be undone); nothing is sent if declined. The
 * button's accessible name says which element it acts on (`label`: « Désigner le GL — Action
 * Sociale »), so repeated buttons of a page are told apart. Errors stay next to the form, with the
 * typed values; successes go to the page's message area (ManagementNotices) and to the form.
 */
export function ManagementForm({
  action,
  children,
  className,
  submitLabel,
  label,
  variant = "primary",
  confirm,
}: {
  action: (state: State, form: FormData) => Promise<State>;
  children?: ReactNode;
  className?: string;
  submitLabel: string;
  /** The form's name, and the button's: it must start with the visible text (WCAG 2.5.3). */
  label: string;
  variant?: keyof typeof STYLES;
  confirm?: string;
}) {
  // Without JavaScript the form posts to the action (useActionState's formAction). With it, the
  // action is called here, so its answer is announced even when the change removes this form's
  // row from the page (a revoked right, a deleted co-RAE) in the same render.
  const [fallbackState, formAction] = useActionState(action, { status: "idle" } as State);
  const [answer, setAnswer] = useState<{ state: State; generation: number; locale: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const { notice, announce, generation } = useContext(NoticeContext);
  const formRef = useRef<HTMLFormElement>(null);
  const t = useTranslations("access.form");
  // An answer given in the other language, before the person switched, is not shown any more.
  const locale = useLocale();
  const state = answer && answer.locale === locale ? answer.state : fallbackState;
  // Another form's success since this error: the error is about an earlier attempt, hide it.
  const isErrorStale = state.status === "error" && (notice?.generation ?? 0) > (answer?.generation ?? 0);
  // Said to assistive technologies after the visible text (hidden text, not aria-label, which
  // would also make the button a "label" of the form's fields).
  const nameSuffix = label.startsWith(submitLabel) ? label.slice(submitLabel.length) : ` — ${label}`;
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const form = e.currentTarget;
        const data = new FormData(form, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(async () => {
          const result = await action(state, data);
          if (result.status === "success") {
            form.reset();
            announce(result.message ?? t("saved"));
          }
          setAnswer({ state: result, generation: generation(), locale });
        });
      }}
      className={className ?? "flex flex-wrap items-end gap-2"}
      aria-label={label}
    >
      {children}
      <button
        type="submit"
        disabled={isPending}
        aria-busy={isPending || undefined}
        className={`rounded px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${STYLES[variant]}`}
      >
        {isPending ? t("saving") : submitLabel}
        {!isPending && nameSuffix && <span className="sr-only">{nameSuffix}</span>}
      </button>
      <ActionResult state={state} isStale={isErrorStale} />
    </form>
  );
}

/** The questions a table's shared form asks, from the pressed button's `data-name` (and `data-right`). */
type TableQuestion = "revokeConfirm" | "blockConfirm" | "unblockConfirm";

/**
 * One form for a whole table's buttons of one kind (block, unblock, revoke a right: issue 15,
 * goal 2). Each row's button is plain server-rendered HTML pointing at it (`form`,
 * TableActionButton) and names its target by its own name/value (`personId`, `grantId`), so a page
 * of 50 people carries three forms instead of about 150 client forms, each with React's action
 * fields and its props, and the question is written here once instead of in every row. Works
 * without JavaScript (the browser posts the form with the pressed button's value to the action).
 * With it: the question is asked first (`confirm`, filled from the button's `data-name` and
 * `data-right`), the button is busy while the action runs, and the answer goes to the page's
 * message area (ManagementNotices); a refusal is prefixed by the button's name, since its row may
 * be far from the form.
 */
export function TableActionForm({
  id,
  action,
  confirm,
  children,
}: {
  id: string;
  action: (state: State, form: FormData) => Promise<State>;
  confirm?: TableQuestion;
  /** Hidden fields every submission carries (e.g. isBlocked). */
  children?: ReactNode;
}) {
  const [fallbackState, formAction] = useActionState(action, { status: "idle" } as State);
  const [, startTransition] = useTransition();
  const { announce, alert } = useContext(NoticeContext);
  const t = useTranslations("access.form");
  return (
    <form
      id={id}
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        const button = (e.nativeEvent as SubmitEvent).submitter;
        if (!(button instanceof HTMLButtonElement) || button.disabled) return;
        if (confirm && !window.confirm(t(confirm, { name: button.dataset.name ?? "", right: button.dataset.right ?? "" }))) return;
        const data = new FormData(e.currentTarget, button);
        // Its accessible name: the visible text and the hidden one saying which element.
        const pressed = button.textContent ?? "";
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
        startTransition(async () => {
          try {
            const result = await action({ status: "idle" }, data);
            if (result.status === "success") announce(result.message ?? t("saved"));
            else if (result.status === "error") alert(t("refusedFor", { target: pressed, message: result.message }));
          } finally {
            button.disabled = false;
            button.removeAttribute("aria-busy");
          }
        });
      }}
    >
      {children}
      <ActionResult state={fallbackState} />
    </form>
  );
}

const WIDTHS = { small: "[&_input]:w-44", medium: "[&_input]:w-80", large: "[&_input]:w-96" };

/** Makes the field inside as wide as its content needs (an e-mail address is not cut). */
export function Wide({ children, size = "medium" }: { children: ReactNode; size?: keyof typeof WIDTHS }) {
  return <div className={`max-w-full [&_input]:max-w-full ${WIDTHS[size]}`}>{children}</div>;
}
