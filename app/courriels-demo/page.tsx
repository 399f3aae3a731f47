import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";

import { listDemoMailbox } from "@/lib/outbox/demo-mailbox";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mail.demo");
  return { title: t("title") };
}

// Turns the portal's own paths in a mail's text into links (the text is shown as is, never as HTML).
function withLinks(text: string) {
  return text.split(/(\s+)/).map((part, i) =>
    /^\/[\w\-/%.]+$/.test(part) ? (
      <a key={i} href={part} className="text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function DemoMailboxPage() {
  const mails = await listDemoMailbox();
  if (!mails) notFound();
  const [t, format] = await Promise.all([getTranslations("mail.demo"), getFormatter()]);
  return (
    <main id="contenu" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t("notice")}</p>
      {mails.length === 0 && <p className="mt-6">{t("none")}</p>}
      <ul className="mt-6 space-y-6">
        {mails.map((m) => (
          <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="courriel-demo">
            <p className="text-sm text-slate-700">
              {t.rich("sentTo", {
                at: format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "medium" }),
                to: m.to,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <h2 className="mt-1 font-semibold">{m.subject}</h2>
            <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{withLinks(m.text)}</pre>
          </li>
        ))}
      </ul>
    </main>
  );
}
