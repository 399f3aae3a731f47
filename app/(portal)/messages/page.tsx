import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { InboxList } from "@/components/notifications/inbox-list";
import { getActor } from "@/lib/auth/get-actor";
import { remindSecondCalculationWindows } from "@/lib/c607/requests/remind-second-window";
import { listInbox } from "@/lib/notifications/list-inbox";

export const metadata: Metadata = { title: "Messages" };

export default async function MessagesPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  // Posted hourly by lib/jobs too; a visit posts any reminder due since the last round at once.
  if (actor.entityKind === "CPAS") await remindSecondCalculationWindows({ entityId: actor.entityId });
  const { messages, unread } = await listInbox({ actor });
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Messages</h1>
      <p className="mt-2 text-slate-700">{unread} message(s) non lu(s). Boîte de l&apos;équipe : un message lu l&apos;est pour tous ses destinataires.</p>
      <InboxList
        messages={messages.map((m) => ({
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
