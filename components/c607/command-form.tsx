"use client";

import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/http/server-action";

import type { NoticeCode } from "./notices";

export type CommandResult = ActionState<{ id: string }>;

/**
 * One workflow command: a titled form whose fields are read with FormData, sent to its server
 * action, then the page is reloaded with `?fait=<notice>` (or another page opened) so that what
 * happened is said at the top. Errors stay next to the form. `confirm` asks first (irreversible
 * steps), saying what cannot be undone.
 */
export function CommandForm({
  title,
  submitLabel,
  variant,
  run,
  children,
  goTo,
  notice,
  confirm,
}: {
  title: string;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  run: (form: FormData) => Promise<CommandResult>;
  children?: ReactNode;
  goTo?: (id: string) => string;
  notice?: NoticeCode;
  confirm?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [result, setResult] = useState<CommandResult>({ status: "idle" });
  const [isPending, startTransition] = useTransition();
  const headingId = `commande-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <form
      method="post"
      aria-labelledby={headingId}
      className="rounded border border-slate-300 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const element = event.currentTarget;
        const form = new FormData(element);
        startTransition(async () => {
          const res = await run(form);
          setResult(res);
          if (res.status === "success") {
            element.reset();
            const next = goTo ? goTo(res.data.id) : pathname;
            if (notice) router.push(`${next}?fait=${notice}`);
            else if (goTo) router.push(next);
            else router.refresh();
          }
        });
      }}
    >
      <h3 id={headingId} className="font-semibold text-slate-900">
        {title}
      </h3>
      {children}
      {result.status === "error" && (
        <ErrorAlert>
          {result.message}
          {result.fieldErrors && Object.values(result.fieldErrors).flat().length > 0 && <> {Object.values(result.fieldErrors).flat().join(" ")}</>}
        </ErrorAlert>
      )}
      <Button type="submit" variant={variant} isPending={isPending} className="mt-3">
        {submitLabel}
      </Button>
    </form>
  );
}

export function TextArea({ name, label, required }: { name: string; label: string; required?: boolean }) {
  const id = `champ-${name}`;
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        required={required}
        rows={3}
        className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900"
      />
    </div>
  );
}

export function SmallInput({ name, label, type = "text" }: { name: string; label: string; type?: string }) {
  const id = `champ-${name}`;
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={id} name={name} type={type} className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900" />
    </div>
  );
}
