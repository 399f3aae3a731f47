"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import { FileCryptoIsland } from "./file-crypto-island";
import { TransmissionConfirm } from "./transmission-confirm";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Props = { period: { from: string; to: string }; fileName: string; rowCount: number };

/**
 * Preview → file → encryption → sending → register. The workbook is fetched from the portal into a
 * File and handed to the encryption island as is: the agent never downloads the plain workbook and
 * re-uploads it. The password stays in the island; the register only learns period and row count.
 */
export function ForemExportFlow({ period, fileName, rowCount }: Props) {
  const t = useTranslations("forem.export");
  const [file, setFile] = useState<File | null>(null);
  const [sha256, setSha256] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [encrypted, setEncrypted] = useState<{ forFile: File; name: string } | null>(null);
  const [isPending, startTransition] = useTransition();

  function prepare() {
    startTransition(async () => {
      setError(null);
      try {
        const res = await fetch("/api/forem/export", {
          method: "POST",
          body: new URLSearchParams({ du: period.from, au: period.to }),
          cache: "no-store",
        });
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as { erreur?: string } | null;
          return setError(body?.erreur ?? t("notProduced"));
        }
        const blob = await res.blob();
        const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
        setSha256([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join(""));
        setFile(new File([blob], fileName, { type: XLSX_TYPE }));
      } catch {
        setError(t("downloadFailed"));
      }
    });
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="etape-fichier" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="etape-fichier" className="text-lg font-semibold">
          {t("step2Title")}
        </h2>
        <p className="mt-2 text-sm text-slate-700">{t("step2Intro", { count: rowCount })}</p>
        {!file && (
          <Button type="button" className="mt-4" onClick={prepare} isPending={isPending}>
            {t("prepare")}
          </Button>
        )}
        {error && <ErrorAlert>{error}</ErrorAlert>}
        {file && (
          <p className="mt-3 text-sm" data-testid="fichier-prepare">
            {t.rich("ready", { name: file.name, strong: (chunks: ReactNode) => <strong>{chunks}</strong> })}
          </p>
        )}
      </section>
      {file && <FileCryptoIsland initialFile={file} onEncrypted={(r) => setEncrypted({ forFile: file, name: r.name })} />}
      {/* The register entry comes after the encryption, for the file that was encrypted. */}
      {file && encrypted?.forFile === file && <TransmissionConfirm period={period} sha256={sha256} encryptedName={encrypted.name} />}
    </div>
  );
}
