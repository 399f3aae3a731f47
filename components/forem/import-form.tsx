"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ImportReport } from "@/lib/forem/contracts/import-contracts";

/** Uploads a spreadsheet to the import route and shows its line-by-line report. */
export function ImportForm() {
  const t = useTranslations("forem.import");
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = new FormData(e.currentTarget);
    startTransition(async () => {
      setReport(null);
      setError(null);
      try {
        const res = await fetch("/api/forem/contracts/import", { method: "POST", body });
        const json = (await res.json()) as ImportReport | { erreur: string };
        if ("erreur" in json) return setError(json.erreur);
        setReport(json);
      } catch {
        setError(t("networkError"));
      }
    });
  }

  return (
    <div>
      <form method="post" onSubmit={onSubmit} noValidate aria-label={t("title")} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <label htmlFor="fichier-import" className="block text-sm font-medium text-slate-800">
          {t("fileLabel")}
        </label>
        <input
          id="fichier-import"
          name="fichier"
          type="file"
          required
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block text-sm"
        />
        <Button type="submit" className="mt-4" isPending={isPending}>
          {t("submit")}
        </Button>
      </form>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {report && <ImportReportView report={report} />}
    </div>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("forem.import");
  if (report.fileError) return <ErrorAlert>{report.fileError}</ErrorAlert>;
  if (report.isImported) {
    return (
      <p role="status" data-testid="rapport-import" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
        {t("imported", { count: report.importedCount, fileName: report.fileName })}{" "}
        <a href="/forem" className="text-brand-700 underline">
          {t("seeRegister")}
        </a>
      </p>
    );
  }
  return (
    <div data-testid="rapport-import" className="mt-4 rounded border border-red-300 bg-red-50 p-4 text-sm text-red-950">
      <p role="alert" className="font-medium">
        {t("refusedSummary", { refused: report.refused.length, total: report.refused.length + report.accepted.length })}
      </p>
      <table className="mt-3 w-full border-collapse">
        <caption className="sr-only">{t("refusedCaption")}</caption>
        <thead>
          <tr className="border-b border-red-200 text-left">
            <th scope="col" className="py-1 pr-3">
              {t("line")}
            </th>
            <th scope="col" className="py-1">
              {t("reason")}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.refused.map((r) => (
            <tr key={r.line} className="border-b border-red-100 align-top">
              <td className="py-1 pr-3 tabular-nums">{r.line}</td>
              <td className="py-1">
                <ul>
                  {r.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
