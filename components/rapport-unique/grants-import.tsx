"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

type Row = { row: number; centre: string; form: string; envelope: string; amount: string; outcome: "ok" | "refused"; detail: string };
type Result = { kind: "report"; recorded: number; refused: number; report: Row[] } | { kind: "error"; message: string } | null;

/** The SPP IS imports the amounts granted of a campaign; the answer is a report, row by row. */
export function GrantsImport({ year }: { year: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const base = `/api/rapport-unique/campagnes/${year}/octrois`;
  return (
    <div className="mt-4 text-sm">
      <form method="post" action={`${base}/modele`}>
        <button type="submit" className="text-brand-700 underline">
          Télécharger le modèle des montants octroyés {year}
        </button>
      </form>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        aria-label="Importer les montants octroyés"
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
            } else setResult({ kind: "error", message: body.erreur ?? "Import refusé." });
          } catch {
            setResult({ kind: "error", message: "Le portail ne répond pas : réessayez dans un instant." });
          } finally {
            setBusy(false);
            setTimeout(() => resultRef.current?.focus(), 0);
          }
        }}
      >
        <div>
          <label htmlFor="fichier-octrois" className="block font-medium">
            Fichier des montants octroyés (.xlsx ou .csv, 2 Mo au plus)
          </label>
          <input id="fichier-octrois" name="fichier" type="file" accept=".xlsx,.csv" required className="mt-1 block" />
        </div>
        <button
          type="submit"
          disabled={busy}
          aria-busy={busy || undefined}
          className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100 disabled:opacity-60"
        >
          {busy ? "Import en cours…" : "Importer les montants"}
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
              {result.refused
                ? `Rien n'a été enregistré : ${result.refused} ligne(s) refusée(s). Corrigez-les et importez à nouveau le fichier entier.`
                : `${result.recorded} montant(s) enregistré(s).`}
            </p>
            <table className="mt-2 w-full text-xs">
              <thead>
                <tr className="text-left">
                  <th scope="col">Ligne</th>
                  <th scope="col">CPAS</th>
                  <th scope="col">Formulaire</th>
                  <th scope="col">Enveloppe</th>
                  <th scope="col">Montant</th>
                  <th scope="col">Résultat</th>
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
                    <td className={r.outcome === "refused" ? "text-red-900" : ""}>{r.outcome === "refused" ? `refusée : ${r.detail}` : r.detail}</td>
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
