"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useTransition } from "react";

import { markReadAction } from "@/app/(portal)/messages/actions";

type Message = {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  isRead: boolean;
};

/** The centre's inbox (in the spirit of the e-Box): newest first, unread ones marked. */
export function InboxList({ messages }: { messages: Message[] }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const t = useTranslations("inbox");
  const format = useFormatter();
  if (messages.length === 0) return <p className="mt-6 text-slate-700">{t("none")}</p>;
  return (
    <ul className="mt-6 space-y-3" data-testid="messages">
      {messages.map((m) => (
        <li key={m.id} className={`rounded border p-4 ${m.isRead ? "border-slate-200 bg-white" : "border-brand-600 bg-blue-50"}`}>
          <p className="font-semibold text-slate-900">
            {!m.isRead && <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-xs text-white">{t("new")}</span>}
            {m.link ? (
              <a href={m.link} className="text-brand-700 underline underline-offset-4">
                {m.title}
              </a>
            ) : (
              m.title
            )}
          </p>
          <p className="text-xs text-slate-600">
            <time dateTime={m.createdAt}>{format.dateTime(new Date(m.createdAt), { dateStyle: "short", timeStyle: "short" })}</time>
          </p>
          <p className="mt-1 text-sm text-slate-800">{m.body}</p>
          {!m.isRead && (
            <button
              type="button"
              disabled={isPending}
              className="mt-2 text-sm text-brand-700 underline underline-offset-4"
              onClick={() =>
                startTransition(async () => {
                  await markReadAction(m.id);
                  router.refresh();
                })
              }
            >
              {t("markRead")}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
