import type { ReactNode } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";

import type { RightCode } from "@/lib/access/catalogue";
import type { QualityType, RoleKind } from "@/lib/generated/prisma/enums";
import { localeOfTag } from "@/lib/i18n/request-locale";
import { actionLabel } from "@/lib/security-log/event-types";

// Pieces shared by a person's page in access management and « Mon compte »: the same words for
// the same things (roles, rights, events), in Brussels time, in the reader's language.

export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2 text-sm">{children}</div>
    </section>
  );
}

type Role = { id: string; role: RoleKind; isBlocked: boolean; quality: { type: QualityType } | null; subdivision: { name: string } | null };
/** A grant: its right by code (named in the reader's language) or, from older loaders, by its stored French name. */
type Grant = { id: string; grantedAt: Date; validUntil: Date | null; rightCode?: string; right?: { name: string }; quality: { type: QualityType } };

export function RolesList({ roles }: { roles: Role[] }) {
  const t = useTranslations("access");
  return (
    <ul className="list-disc pl-5">
      {roles.map((r) => (
        <li key={r.id}>
          {t("person.roleLine", {
            role: t(`roles.${r.role}`),
            hasQuality: r.quality ? "true" : "false",
            quality: r.quality ? t(`qualities.${r.quality.type}`) : "",
            hasSubdivision: r.subdivision ? "true" : "false",
            subdivision: r.subdivision?.name ?? "",
            blocked: r.isBlocked ? "true" : "false",
          })}
        </li>
      ))}
    </ul>
  );
}

export function GrantsList({ grants }: { grants: Grant[] }) {
  const t = useTranslations("access");
  const format = useFormatter();
  return (
    <ul className="list-disc pl-5">
      {grants.map((g) => (
        <li key={g.id}>
          {t("person.grantLine", {
            right: g.rightCode ? t(`rights.${g.rightCode as RightCode}.name`) : (g.right?.name ?? g.id),
            quality: t(`qualities.${g.quality.type}`),
            grantedAt: format.dateTime(g.grantedAt, { dateStyle: "medium" }),
            hasEnd: g.validUntil ? "true" : "false",
            until: g.validUntil ? format.dateTime(g.validUntil, { dateStyle: "medium" }) : "",
          })}
        </li>
      ))}
    </ul>
  );
}

/** Audit events in words: when (Brussels time), what, and one more column (who, or from where). */
export function EventsTable({
  caption,
  lastColumn,
  events,
}: {
  caption: string;
  lastColumn: string;
  events: { id: string; occurredAt: Date; action: string; last: string }[];
}) {
  const t = useTranslations("access.person");
  const format = useFormatter();
  const locale = localeOfTag(useLocale());
  return (
    <table className="w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1">
            {t("colDate")}
          </th>
          <th scope="col">{t("colEvent")}</th>
          <th scope="col">{lastColumn}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} className="border-b border-slate-100">
            <td className="py-1">{format.dateTime(e.occurredAt, { dateStyle: "medium", timeStyle: "short" })}</td>
            <td>{actionLabel(e.action, locale)}</td>
            <td>{e.last}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
