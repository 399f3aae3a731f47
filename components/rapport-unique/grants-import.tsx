"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

type Row = { row: number; centre: string; form: string; envelope: string; amount: string; outcome: "ok" | "refused"; detail: string };
type Result = { kind: "report"; recorded: number; refused: number; report: Row[] } | { kind: "error"; message: string } | null;

/** The SPP IS imports the amounts granted of a campaign; the answer is a report, row by row. */
export function GrantsImport({ year }: { year: number }) {
  const t = useTranslations("ru.grantsImport");
  const tm = useTranslations("ru.measureImport");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const base = `/api/rapport-unique/campagnes/${year}/octrois`;
  return (
    <div className="mt-4 text-sm">
      <form method="post" action={`${base}/modele`}>
        <button type="submit" className="text-brand-700 underline">
          {t("template", { year })}
        </button>
      </form>
      <form
        method="post"
        className="mt-2 flex flex-wrap items-end gap-2"
        aria-label={t("form")}
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setResult(null);
          try {
            const res = await fetch(`${base}/import`, { method: "POST", body: new FormData(e.currentTarget) });
            const body = (await res.json().catch(() => ({}))) as { erreur?: string; recorded?: number; refused?: number; report?: Row[] };
            if (res.ok && body.report) {
              setResult({ kind: "report", recorded: body.recorded ?? 0, refused: body.refused ?? 0, report: body.report });
              if (body.recorded) router.refresh();
            } else setResult({ kind: "error", message: body.erreur ?? tm("refused") });
          } catch {
            setResult({ kind: "error", message: tm("offline") });
          } finally {
            setBusy(false);
            setTimeout(() => resultRef.current?.focus(), 0);
          }
        }}
      >
        <div>
          <label htmlFor="fichier-octrois" className="block font-medium">
            {t("file")}
          </label>
          <input id="fichier-octrois" name="fichier" type="file" accept=".xlsx,.csv" required className="mt-1 block" />
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
      <div ref={resultRef} tabIndex={-1} className="outline-none" data-testid="rapport-import-octrois">
        {result?.kind === "error" && (
          <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-red-900">
            {result.message}
          </p>
        )}
        {result?.kind === "report" && (
          <>
            <p
              role={result.refused ? "alert" : "status"}
              className={`mt-2 rounded border p-2 ${result.refused ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900"}`}
            >
              {result.refused ? t("refusedRows", { count: result.refused }) : t("recorded", { count: result.recorded })}
            </p>
            <table className="mt-2 w-full text-xs">
              <thead>
                <tr className="text-left">
                  <th scope="col">{t("row")}</th>
                  <th scope="col">{t("centre")}</th>
                  <th scope="col">{t("formCol")}</th>
                  <th scope="col">{t("envelope")}</th>
                  <th scope="col">{t("amount")}</th>
                  <th scope="col">{t("result")}</th>
                </tr>
              </thead>
              <tbody>
                {result.report.map((r) => (
                  <tr key={r.row} className="border-t border-slate-200">
                    <td>{r.row}</td>
                    <td>{r.centre}</td>
                    <td>{r.form}</td>
                    <td>{r.envelope}</td>
                    <td>{r.amount}</td>
                    <td className={r.outcome === "refused" ? "text-red-900" : ""}>
                      {r.outcome === "refused" ? t("refusedDetail", { detail: r.detail }) : r.detail}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </div>
  );
}
