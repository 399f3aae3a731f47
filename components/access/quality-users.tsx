import { TableHead } from "@/components/ui/table-head";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import { grantRightAction, inviteUserAction, revokeRightAction, setBlockedAction } from "@/app/(portal)/gestion/actions";
import { ManagementForm, TableActionForm, Wide } from "@/components/access/management-form";
import { TableActionButton } from "@/components/access/table-action-button";
import { SelectField, TextField } from "@/components/ui/action-form";
import { ACCESS_RIGHTS, rightLivesIn, type RightCode } from "@/lib/access/catalogue";
import type { QualityManagement } from "@/lib/access/manage/load-quality-management";
import { type Locale, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import type { InvitationMailState } from "@/lib/outbox/invitation-mail-states";

// The table's buttons of one kind share one form (TableActionForm, issue 15 goal 2): its ids.
const FORMS = { revoke: "gestion-retirer-droit", block: "gestion-bloquer", unblock: "gestion-debloquer" };

/** `f`, remembering its answer for each argument during one render. */
function perPage<K, V>(f: (k: K) => V): (k: K) => V {
  const known = new Map<K, V>();
  return (k) => {
    if (!known.has(k)) known.set(k, f(k));
    return known.get(k)!;
  };
}

/** Users of the quality (or of the manager's subdivision), their rights, and the forms to change them. */
export function QualityUsers({
  data,
  actorLanguage,
  filter,
  chosenPersonId,
}: {
  data: QualityManagement;
  /** The inviting manager's language: the invitee's by default (issue 13). */
  actorLanguage: Locale;
  filter: string;
  chosenPersonId?: string;
}) {
  const t = useTranslations("access");
  const format = useFormatter();
  // Words every row repeats, formatted once per page (a page of 50 rows otherwise formats each
  // of them 50 times: next-intl's formatting was a tenth of the page's time, issue 15 goal 2).
  const date = perPage((d: number) => format.dateTime(new Date(d), { dateStyle: "medium" }));
  const statusLabel = perPage((s: QualityManagement["people"][number]["status"]) => t(`status.${s}`));
  const rightName = perPage((code: RightCode) => t(`rights.${code}.name`));
  const words = {
    remove: t("form.remove"),
    block: t("form.block"),
    unblock: t("form.unblock"),
    grantLink: t("users.grantLink"),
    managedAbove: t("users.managedAbove"),
  };
  const { quality } = data;
  const qualityLabel = t(`qualities.${quality.type}`);
  // A right is offered only where its application lives (lib/access/catalogue.ts): the server refuses the others.
  const grantable = ACCESS_RIGHTS.filter((r) => rightLivesIn(r.code, quality.type));
  const gl = data.roles.find((r) => r.role === "GL" && !r.subdivisionId)?.person;
  const glName = gl ? `${gl.firstName} ${gl.lastName}` : null;
  const subdivisionOptions = data.isQualityLevel ? quality.subdivisions : quality.subdivisions.filter((s) => data.ownSubdivisions.includes(s.id));
  // Grant to a person picked from the list (issue 11), never by typing their address; only to
  // people whose rights the actor may change (`may`: the commands' own checks, loader).
  const grantees = data.people.filter((p) => p.may.rights && p.status !== "BLOCKED");
  const chosen = grantees.find((p) => p.id === chosenPersonId);
  const pageLink = (page: number) => `?${new URLSearchParams({ page: String(page), ...(filter ? { filtre: filter } : {}) })}`;
  // What a manager sees of an invitation's mail (issue 12): sent, waiting or failed — never the link.
  const invitationMail = (s: InvitationMailState | undefined) =>
    !s
      ? t("users.mailNone")
      : s.status === "SENT"
        ? t("users.mailSent", { at: format.dateTime(s.at, { dateStyle: "short", timeStyle: "short" }) })
        : s.status === "FAILED"
          ? t("users.mailFailed")
          : t("users.mailPending");
  return (
    <section aria-labelledby="utilisateurs-titre" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="utilisateurs-titre" className="text-lg font-semibold">
        {t("users.title", { count: data.total })}
      </h2>
      <form method="get" role="search" aria-label={t("users.filterLabel")} className="mt-3 flex flex-wrap items-end gap-2">
        <Wide>
          <TextField label={t("users.filterField")} name="filtre" defaultValue={filter} />
        </Wide>
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          {t("users.filter")}
        </button>
        {filter && (
          <Link href="?" className="text-sm text-brand-700 underline">
            {t("users.showAll")}
          </Link>
        )}
      </form>
      {/* The forms the rows' buttons submit (no visible content but their answer without JavaScript). */}
      <TableActionForm id={FORMS.revoke} action={revokeRightAction} confirm="revokeConfirm" />
      <TableActionForm id={FORMS.block} action={setBlockedAction} confirm="blockConfirm">
        <input type="hidden" name="isBlocked" value="true" />
      </TableActionForm>
      <TableActionForm id={FORMS.unblock} action={setBlockedAction} confirm="unblockConfirm">
        <input type="hidden" name="isBlocked" value="false" />
      </TableActionForm>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">{t("users.caption")}</caption>
        <TableHead columns={[t("users.colPerson"), t("users.colStatus"), t("users.colRights"), t("users.colActions")]} />
        <tbody>
          {data.people.map((p) => {
            const name = `${p.firstName} ${p.lastName}`;
            return (
              <tr key={p.id} className="border-b border-slate-100 align-top" data-testid={`utilisateur-${p.email}`}>
                <td className="py-2">
                  <Link href={`/gestion/personnes/${p.id}`} className="text-brand-700 underline">
                    {p.firstName} {p.lastName}
                  </Link>
                  <br />
                  <span className="text-xs text-slate-700">
                    {p.email}
                    {p.subdivision ? ` — ${p.subdivision.name}` : ""}
                  </span>
                </td>
                <td>
                  {statusLabel(p.status)}
                  {p.status === "INVITED" && <p className="text-xs text-slate-700">{invitationMail(data.invitationMails[p.id])}</p>}
                </td>
                <td>
                  <ul>
                    {p.grants.map((g) => {
                      const right = rightName(g.rightCode as RightCode);
                      return (
                        <li key={g.id} className="flex flex-wrap items-center gap-2">
                          <span>
                            {t("users.grantDates", {
                              right,
                              grantedAt: date(g.grantedAt.getTime()),
                              hasEnd: g.validUntil ? "true" : "false",
                              until: g.validUntil ? date(g.validUntil.getTime()) : "",
                            })}
                          </span>
                          {p.may.rights && (
                            <TableActionButton
                              form={FORMS.revoke}
                              name="grantId"
                              value={g.id}
                              submitLabel={words.remove}
                              label={t("users.revokeLabel", { right, name })}
                              target={{ name, right }}
                            />
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td>
                  {p.may.block && (
                    <TableActionButton
                      form={p.status === "BLOCKED" ? FORMS.unblock : FORMS.block}
                      name="personId"
                      value={p.id}
                      submitLabel={p.status === "BLOCKED" ? words.unblock : words.block}
                      label={t("form.blockPerson", { blocked: p.status === "BLOCKED" ? "true" : "false", name })}
                      target={{ name }}
                    />
                  )}
                  {p.isManagedAbove && (
                    <p className="text-xs text-slate-700" data-testid="gere-au-dessus">
                      {words.managedAbove}
                    </p>
                  )}
                  {data.can.manageRights && grantees.includes(p) && grantable.length > 0 && (
                    <Link href={`${pageLink(data.page)}&personne=${p.id}#attribuer`} className="mt-1 block text-brand-700 underline">
                      {words.grantLink}
                      <span className="sr-only">{t("users.grantLinkTo", { name })}</span>
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {data.pageCount > 1 && (
        <nav aria-label={t("form.pages")} className="mt-3 flex gap-3 text-sm">
          {data.page > 1 && <Link href={pageLink(data.page - 1)}>{t("form.previous")}</Link>}
          <span>{t("form.pageOf", { page: data.page, count: data.pageCount })}</span>
          {data.page < data.pageCount && <Link href={pageLink(data.page + 1)}>{t("form.next")}</Link>}
        </nav>
      )}
      {!data.can.manageRights && data.isQualityLevel && (
        <p className="mt-6 text-sm text-slate-700" data-testid="droits-reserves">
          {quality.type === "ACTION_SOCIALE"
            ? t("users.reservedActionSociale", { hasGl: glName ? "true" : "false", gl: glName ?? "" })
            : t("users.reservedOther", { quality: qualityLabel, hasGl: glName ? "true" : "false", gl: glName ?? "" })}
        </p>
      )}
      {data.can.manageRights && grantable.length === 0 && <p className="mt-6 text-sm text-slate-700">{t("users.nothingToGrant", { quality: qualityLabel })}</p>}
      {data.can.manageRights && grantable.length > 0 && (
        <>
          <h3 id="attribuer" className="mt-6 font-medium">
            {t("users.grantTitle")}
          </h3>
          <p className="mt-1 text-sm text-slate-700">{t("users.grantHint", { quality: qualityLabel, paged: data.pageCount > 1 ? "true" : "false" })}</p>
          {/* Keyed by the chosen person: following another « Attribuer un droit » link selects them. */}
          <ManagementForm key={chosen?.id ?? "aucune"} action={grantRightAction} submitLabel={t("users.grant")} label={t("users.grantLabel")}>
            <input type="hidden" name="qualityId" value={quality.id} />
            <SelectField
              label={t("users.person")}
              name="personId"
              defaultValue={chosen?.id ?? ""}
              options={[{ value: "", label: t("form.choose") }, ...grantees.map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName} (${p.email})` }))]}
            />
            {data.isQualityLevel && (
              <Wide size="large">
                <TextField label={t("users.orEmail")} name="personEmail" type="email" />
              </Wide>
            )}
            <SelectField label={t("users.right")} name="rightCode" options={grantable.map((r) => ({ value: r.code, label: t(`rights.${r.code}.name`) }))} />
            <TextField label={t("users.validFrom")} name="validFrom" type="date" />
            <TextField label={t("users.validUntil")} name="validUntil" type="date" />
            <Wide>
              <TextField label={t("users.justification")} name="justification" />
            </Wide>
          </ManagementForm>
        </>
      )}
      <h3 className="mt-6 font-medium">{t("users.inviteTitle")}</h3>
      <ManagementForm action={inviteUserAction} submitLabel={t("users.invite")} label={t("users.inviteLabel")}>
        <input type="hidden" name="qualityId" value={quality.id} />
        <TextField label={t("users.firstName")} name="firstName" required />
        <TextField label={t("users.lastName")} name="lastName" required />
        <Wide>
          <TextField label={t("users.email")} name="email" type="email" required />
        </Wide>
        <TextField label={t("users.niss")} name="niss" placeholder={t("users.nissPlaceholder")} />
        {subdivisionOptions.length > 0 && (
          <SelectField
            label={t("users.subdivision")}
            name="subdivisionId"
            options={[
              ...(data.isQualityLevel ? [{ value: "", label: t("form.noneOption") }] : []),
              ...subdivisionOptions.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        )}
        {/* Each language's own name (never translated): the invitee reads it in their language. */}
        <SelectField
          label={t("users.language")}
          name="language"
          defaultValue={actorLanguage}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        />
      </ManagementForm>
    </section>
  );
}
