"use client";

import { useTranslations } from "next-intl";
import { createContext, useActionState, useCallback, useContext, useRef, useState, useTransition, type ReactNode } from "react";

import { ActionResult, type State } from "@/components/ui/action-form";

type Notice = { message: string; generation: number };
type Notices = { notice: Notice | null; announce: (message: string) => void; generation: () => number };
const NoticeContext = createContext<Notices>({ notice: null, announce: () => undefined, generation: () => 0 });

/**
 * The access-management pages' message area (issue 11: « Retirer » or deleting a co-RAE said
 * nothing, because the row holding the form — and its message — disappears with the change). Every
 * success is announced here, above the page, where it survives the row; it also clears the errors
 * other forms still showed from earlier attempts, which made a success look failed.
 */
export function ManagementNotices({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const count = useRef(0);
  const announce = useCallback((message: string) => {
    count.current += 1;
    setNotice({ message, generation: count.current });
  }, []);
  const generation = useCallback(() => count.current, []);
  return (
    <NoticeContext.Provider value={{ notice, announce, generation }}>
      <div role="status" aria-live="polite" className="sticky top-0 z-10 empty:hidden">
        {notice && (
          <p data-testid="message-gestion" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 shadow-sm">
            {notice.message}
          </p>
        )}
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
  const [answer, setAnswer] = useState<{ state: State; generation: number } | null>(null);
  const [isPending, startTransition] = useTransition();
  const { notice, announce, generation } = useContext(NoticeContext);
  const formRef = useRef<HTMLFormElement>(null);
  const t = useTranslations("access.form");
  const state = answer?.state ?? fallbackState;
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
          setAnswer({ state: result, generation: generation() });
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

const WIDTHS = { small: "[&_input]:w-44", medium: "[&_input]:w-80", large: "[&_input]:w-96" };

/** Makes the field inside as wide as its content needs (an e-mail address is not cut). */
export function Wide({ children, size = "medium" }: { children: ReactNode; size?: keyof typeof WIDTHS }) {
  return <div className={`max-w-full [&_input]:max-w-full ${WIDTHS[size]}`}>{children}</div>;
}
