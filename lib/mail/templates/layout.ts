import { maskNiss, NISS_MASK } from "@/lib/audit/mask-text";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { formatterFor, localize, translatorFor } from "@/lib/i18n/translator";

import { headerText } from "../address";

// The one frame of every mail (issue 12): in the recipient's language (issue 13: `ctx.locale`,
// the recipient's Person.language, French when the mail has no person), a plain-text part and the
// same in HTML, the centre's name and the portal's address at the foot. Values are escaped in the
// HTML part and pass through maskNiss everywhere: a national number typed into a free-text field
// never leaves in a mail. Links are built by the templates from the portal's own address only.

export type MailContext = { centreName: string; portalUrl: string; locale?: Locale };
export type RenderedMail = { subject: string; text: string; html: string };

/** A paragraph, or a link the reader should follow (shown as a button in HTML). */
export type Block = { p: string } | { link: string; label: string } | { list: string[] };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A value from the data (a name, a title): one line, no national number. */
export const value = (s: string | null | undefined, max = 200) => maskNiss(headerText(s ?? "", max));

/** An absolute link into the portal; `path` comes from the template, never from the data. */
export function portalLink(ctx: MailContext, path: string): string {
  return new URL(path, ctx.portalUrl.endsWith("/") ? ctx.portalUrl : `${ctx.portalUrl}/`).toString();
}

/** The recipient's language of a mail. */
export const localeOf = (ctx: MailContext): Locale => ctx.locale ?? DEFAULT_LOCALE;

/** The catalogue in the recipient's language (`t("mail.invitation.subject")`). */
export const mailT = (ctx: MailContext) => translatorFor(localeOf(ctx));

/** A text from the data that may be a message reference (a work notification's title): said in the recipient's language. */
export const localized = (ctx: MailContext, text: string) => localize(localeOf(ctx), text);

/** « Bonjour Anne, » in the recipient's language. */
export const greeting = (ctx: MailContext, firstName: string) => mailT(ctx)("mail.greeting", { firstName: value(firstName) });

export function layout(ctx: MailContext, o: { subject: string; greeting: string; blocks: Block[]; footnote?: string }): RenderedMail {
  const t = mailT(ctx);
  const centre = value(ctx.centreName);
  const portalName = t("common.portalName");
  const subject = headerText(`${maskNiss(o.subject)} — ${centre}`, 200);
  const foot = `${centre} · ${portalName} · ${ctx.portalUrl}`;
  const auto = t("mail.layout.auto");
  const text = [
    o.greeting,
    ...o.blocks.map((b) =>
      "p" in b ? b.p : "link" in b ? `${t("mail.layout.linkLabel", { label: b.label })}\n${b.link}` : b.list.map((i) => `- ${i}`).join("\n"),
    ),
    ...(o.footnote ? [o.footnote] : []),
    `-- \n${foot}\n${auto}`,
  ].join("\n\n");
  const body = o.blocks
    .map((b) =>
      "p" in b
        ? `<p>${escapeHtml(b.p)}</p>`
        : "link" in b
          ? `<p><a href="${escapeHtml(b.link)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(b.label)}</a></p><p style="font-size:12px;color:#475569">${escapeHtml(b.link)}</p>`
          : `<ul>${b.list.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="${localeOf(ctx)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;color:#0f172a;max-width:600px">
<p style="font-size:12px;text-transform:uppercase;color:#1d4ed8">${escapeHtml(centre)} · ${escapeHtml(portalName)}</p>
<p>${escapeHtml(o.greeting)}</p>
${body}
${o.footnote ? `<p style="font-size:13px;color:#475569">${escapeHtml(o.footnote)}</p>` : ""}
<hr><p style="font-size:12px;color:#475569">${escapeHtml(centre)} · <a href="${escapeHtml(ctx.portalUrl)}">${escapeHtml(ctx.portalUrl)}</a><br>${escapeHtml(auto)}</p>
</body></html>`;
  // The mask left where a national number was is said in the recipient's language too.
  const mask = t("audit.nissMask");
  const said = (s: string) => s.replaceAll(NISS_MASK, mask);
  return { subject: said(subject), text: said(text), html: said(html) };
}

/** A moment in Belgian time, in the recipient's language: « 9 décembre 2026 à 11:00 », « 9 december 2026 om 11:00 ». */
export const when = (ctx: MailContext, d: Date | string) => formatterFor(localeOf(ctx)).dateTime(new Date(d), { dateStyle: "long", timeStyle: "short" });
export const day = (ctx: MailContext, d: Date | string) => formatterFor(localeOf(ctx)).dateTime(new Date(d), { dateStyle: "long" });
