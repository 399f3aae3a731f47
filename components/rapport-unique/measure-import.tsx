"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

type Result = { kind: "ok"; message: string } | { kind: "error"; message: string; details: string[] } | null;

/**
 * Justifies a measure with the spreadsheet for the whole measure: the template to download, the file
 * to send, and the server's answer (each refused row named) — then the page shows the imported lines.
 */
export function MeasureImport({ formId, section, title, version }: { formId: string; section: string; title: string; version: number }) {
  const t = useTranslations("ru.measureImport");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const base = `/api/rapport-unique/formulaires/${formId}/mesures/${section}`;
  const inputId = `fichier-${section}`;
  return (
    <div className="mt-3 rounded border border-dashed border-slate-400 p-3 text-sm">
      <p className="font-medium">{t("heading")}</p>
      <p className="text-slate-700">{t("never")}</p>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <form method="post" action={`${base}/modele`}>
          <button type="submit" className="text-brand-700 underline">
            {t("template")}
            <span className="sr-only">{t("templateSr", { title })}</span>
          </button>
        </form>
        <form
          method="post"
          className="flex flex-wrap items-end gap-2"
          aria-label={t("form", { title })}
          onSubmit={async (e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            data.set("version", String(version));
            setBusy(true);
            setResult(null);
            try {
              const res = await fetch(`${base}/import`, { method: "POST", body: data });
              const body = (await res.json().catch(() => ({}))) as { message?: string; erreur?: string; champs?: Record<string, string[]> };
              if (res.ok) {
                setResult({ kind: "ok", message: body.message ?? t("done") });
                router.refresh();
              } else {
                setResult({
                  kind: "error",
                  message: body.erreur ?? t("refused"),
                  details: Object.entries(body.champs ?? {}).map(([k, v]) =>
                    k === "fichier"
                      ? v.join(" ")
                      : t("detail", { field: k.startsWith("ligne.") ? t("fileRow", { row: k.slice(6) }) : k, messages: v.join(" ") }),
                  ),
                });
              }
            } catch {
              setResult({ kind: "error", message: t("offline"), details: [] });
            } finally {
              setBusy(false);
              setTimeout(() => resultRef.current?.focus(), 0);
            }
          }}
        >
          <div>
            <label htmlFor={inputId} className="block font-medium">
              {t("file")}
            </label>
            <input id={inputId} name="fichier" type="file" accept=".xlsx,.csv" required className="mt-1 block text-sm" />
          </div>
          <button
            type="submit"
            disabled={busy}
            aria-busy={busy || undefined}
            className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            {busy ? t("busy") : t("submit")}
          </button>
        </form>
      </div>
      <div ref={resultRef} tabIndex={-1} className="outline-none">
        {result?.kind === "ok" && (
          <p role="status" data-testid={`import-${section}`} className="mt-2 rounded border border-emerald-300 bg-emerald-50 p-2 text-emerald-900">
            {result.message}
          </p>
        )}
        {result?.kind === "error" && (
          <div role="alert" data-testid={`import-${section}`} className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-red-900">
            {result.message}
            {result.details.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {result.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
