import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";

import type { PersonPage } from "@/lib/access/manage/load-person-page";

import { EventsTable, GrantsList, Panel as Section, RolesList } from "./person-panels";

/**
 * A person as access management sees them (issue 11): roles, rights, sessions and history.
 * `actions` holds what the viewer may do on this person (block, reset the second factor…): the
 * page decides what to show, every action checks again on the server.
 */
export function PersonDetail({ data, actions }: { data: PersonPage; actions?: ReactNode }) {
  const t = useTranslations("access");
  const format = useFormatter();
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const { person } = data;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">
          {person.firstName} {person.lastName}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          {t("person.subtitle", {
            email: person.email,
            status: person.status === "INVITED" ? t("status.invitedLong") : t(`status.${person.status}`),
            hasSubdivision: person.subdivision ? "true" : "false",
            subdivision: person.subdivision?.name ?? "",
          })}
        </p>
        {actions && <div className="mt-3 flex flex-wrap items-end gap-3">{actions}</div>}
      </div>
      <Section id="personne-roles" title={t("person.roles")}>
        {data.roles.length === 0 ? <p>{t("person.noRoles")}</p> : <RolesList roles={data.roles} />}
      </Section>
      <Section id="personne-droits" title={t("person.rights")}>
        {data.grants.length === 0 ? <p>{t("person.noRights")}</p> : <GrantsList grants={data.grants} />}
      </Section>
      <Section id="personne-sessions" title={t("person.sessions")}>
        {data.sessions.length === 0 ? (
          <p>{t("person.noSessions")}</p>
        ) : (
          <ul className="list-disc pl-5">
            {data.sessions.map((s) => (
              <li key={s.id}>
                {t("person.session", { createdAt: dateTime(s.createdAt), lastSeenAt: dateTime(s.lastSeenAt) })}
                {s.isActive
                  ? t("person.sessionActive")
                  : s.revokedAt
                    ? s.revokedReason
                      ? t("person.sessionClosedWhy", { at: dateTime(s.revokedAt), reason: s.revokedReason })
                      : t("person.sessionClosed", { at: dateTime(s.revokedAt) })
                    : t("person.sessionExpired")}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="personne-historique" title={t("person.history")}>
        {data.history.length === 0 ? (
          <p>{t("person.noHistory")}</p>
        ) : (
          <EventsTable
            caption={t("person.historyCaption")}
            lastColumn={t("person.by")}
            events={data.history.map((e) => ({
              ...e,
              last:
                e.by.kind === "person"
                  ? e.by.name
                  : e.by.kind === "self"
                    ? t("person.bySelf")
                    : e.by.kind === "other"
                      ? t("person.byOther")
                      : t("person.byPortal"),
            }))}
          />
        )}
      </Section>
    </div>
  );
}
