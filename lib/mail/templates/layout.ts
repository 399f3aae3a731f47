import { maskNiss } from "@/lib/audit/mask-text";

import { headerText } from "../address";

// The one frame of every mail (issue 12): French, a plain-text part and the same in HTML, the
// centre's name and the portal's address at the foot. Values are escaped in the HTML part and
// pass through maskNiss everywhere: a national number typed into a free-text field never leaves
// in a mail. Links are built by the templates from the portal's own address only.

export type MailContext = { centreName: string; portalUrl: string };
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

export function layout(ctx: MailContext, o: { subject: string; greeting: string; blocks: Block[]; footnote?: string }): RenderedMail {
  const centre = value(ctx.centreName);
  const subject = headerText(`${maskNiss(o.subject)} — ${centre}`, 200);
  const foot = `${centre} · Portail CPAS · ${ctx.portalUrl}`;
  const auto = "Ce message est envoyé automatiquement par le portail : n'y répondez pas.";
  const text = [
    o.greeting,
    ...o.blocks.map((b) => ("p" in b ? b.p : "link" in b ? `${b.label} :\n${b.link}` : b.list.map((i) => `- ${i}`).join("\n"))),
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
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;color:#0f172a;max-width:600px">
<p style="font-size:12px;text-transform:uppercase;color:#1d4ed8">${escapeHtml(centre)} · Portail CPAS</p>
<p>${escapeHtml(o.greeting)}</p>
${body}
${o.footnote ? `<p style="font-size:13px;color:#475569">${escapeHtml(o.footnote)}</p>` : ""}
<hr><p style="font-size:12px;color:#475569">${escapeHtml(centre)} · <a href="${escapeHtml(ctx.portalUrl)}">${escapeHtml(ctx.portalUrl)}</a><br>${escapeHtml(auto)}</p>
</body></html>`;
  return { subject, text, html };
}

const BRUSSELS = new Intl.DateTimeFormat("fr-BE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" });
const BRUSSELS_DAY = new Intl.DateTimeFormat("fr-BE", { dateStyle: "long", timeZone: "Europe/Brussels" });
export const when = (d: Date | string) => BRUSSELS.format(new Date(d));
export const day = (d: Date | string) => BRUSSELS_DAY.format(new Date(d));
