import "server-only";

import { formatBelgianDate, toBrusselsDate } from "@/lib/c607/calendar-date";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/message-ref";

import { titleRef } from "./definition";

import { definitionOf } from "./workflow";

// Reminders of the Rapport unique (catalogue references, read in each reader's language), posted in the centres' inboxes by the hourly jobs (and read on the
// dashboards): a form not sent when the deadline is 14 days away or less (to the members who
// encode), and a form waiting for a signature for 3 days or more (to the secretary and the
// president). Each reminder is posted once (per form; per readiness for signatures). A fixed number
// of queries whatever the number of centres.

const DAY = 86_400_000;
export const DEADLINE_NOTICE_DAYS = 14;
export const SIGNATURE_WAIT_DAYS = 3;

export async function remindRapportUnique(now = new Date()): Promise<number> {
  const today = new Date(`${toBrusselsDate(now)}T00:00:00Z`);
  const campaigns = await db.ruCampaign.findMany({
    where: { deadline: { gte: today, lte: new Date(today.getTime() + DEADLINE_NOTICE_DAYS * DAY) } },
    select: { id: true, year: true, deadline: true },
  });
  const [open, waiting] = await Promise.all([
    campaigns.length
      ? db.ruForm.findMany({
          where: { campaignId: { in: campaigns.map((c) => c.id) }, status: { in: ["DRAFT", "RETURNED", "READY"] } },
          select: { id: true, entityId: true, campaignId: true, definition: { select: { definition: true } } },
        })
      : [],
    db.ruForm.findMany({
      where: { status: "READY", readyAt: { lte: new Date(now.getTime() - SIGNATURE_WAIT_DAYS * DAY) } },
      select: { id: true, entityId: true, readyAt: true, definition: { select: { definition: true } } },
    }),
  ]);
  const links = [...open, ...waiting].map((f) => `/rapport-unique/formulaires/${f.id}`);
  const sent = links.length
    ? await db.notification.findMany({
        where: { kind: { in: ["rapport_unique.deadline_near", "rapport_unique.signature_waiting"] }, link: { in: links } },
        select: { kind: true, link: true, createdAt: true },
      })
    : [];
  const posted = (kind: string, link: string, after?: Date | null) => sent.some((n) => n.kind === kind && n.link === link && (!after || n.createdAt >= after));
  const day = (d: Date) => formatBelgianDate(toBrusselsDate(d));
  const rows: { entityId: string; audience: string; kind: string; title: string; body: string; link: string }[] = [];
  for (const f of open) {
    const link = `/rapport-unique/formulaires/${f.id}`;
    if (posted("rapport_unique.deadline_near", link)) continue;
    const c = campaigns.find((x) => x.id === f.campaignId)!;
    const title = titleRef(definitionOf(f.definition));
    rows.push({
      entityId: f.entityId,
      audience: "RU_MEMBRE_PERSONNEL",
      kind: "rapport_unique.deadline_near",
      title: msg("ru.inbox.deadlineTitle", { year: c.year, title, deadline: day(c.deadline) }),
      body: msg("ru.inbox.deadlineBody"),
      link,
    });
  }
  for (const f of waiting) {
    const link = `/rapport-unique/formulaires/${f.id}`;
    if (posted("rapport_unique.signature_waiting", link, f.readyAt)) continue;
    rows.push({
      entityId: f.entityId,
      audience: "RU_SIGNATAIRES",
      kind: "rapport_unique.signature_waiting",
      title: msg("ru.inbox.waitingTitle", { title: titleRef(definitionOf(f.definition)), since: day(f.readyAt!) }),
      body: msg("ru.inbox.waitingBody"),
      link,
    });
  }
  if (rows.length) await db.notification.createMany({ data: rows });
  return rows.length;
}
