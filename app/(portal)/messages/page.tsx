import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { InboxList } from "@/components/notifications/inbox-list";
import { getActor } from "@/lib/auth/get-actor";
import { remindSecondCalculationWindows } from "@/lib/c607/requests/remind-second-window";
import { localizeForRequest } from "@/lib/i18n/server";
import { listInbox } from "@/lib/notifications/list-inbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inbox");
  return { title: t("title") };
}

export default async function MessagesPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  // Posted hourly by lib/jobs too; a visit posts any reminder due since the last round at once.
  if (actor.entityKind === "CPAS") await remindSecondCalculationWindows({ entityId: actor.entityId });
  const [{ messages, unread }, t] = await Promise.all([listInbox({ actor }), getTranslations("inbox")]);
  // A message's title and body are stored as written; a catalogue reference (lib/i18n/message-ref.ts)
  // is said in the reader's language, older French text is shown as it is.
  const localized = await Promise.all(messages.map(async (m) => ({ ...m, title: await localizeForRequest(m.title), body: await localizeForRequest(m.body) })));
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("unread", { count: unread })}</p>
      <InboxList
        messages={localized.map((m) => ({
          id: m.id,
          title: m.title,
          body: m.body,
          link: m.link,
          createdAt: m.createdAt.toISOString(),
          isRead: m.readAt !== null,
        }))}
      />
    </>
  );
}
