"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TableHead } from "@/components/ui/table-head";
import { DownloadButton } from "@/components/ui/download-button";

type File = { name: string; size: number; modifiedAt: string };

/** This sender's acknowledgements on the SFTP server, fetched on demand (the server may be slow). */
export function Acknowledgements({ channelId }: { channelId: string }) {
  const [environment, setEnvironment] = useState<"R" | "T" | null>(null);
  const [files, setFiles] = useState<File[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const t = useTranslations("batch.acks");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), "dateTime");

  const load = (env: "R" | "T") =>
    startTransition(async () => {
      setEnvironment(env);
      setFiles(null);
      try {
        const res = await fetch(`/api/canaux/accuses?channelId=${channelId}&environment=${env}`);
        const json = (await res.json()) as { files?: File[]; erreur?: string };
        if (!res.ok) return setError(json.erreur ?? t("readFailed"));
        setError(null);
        setFiles(json.files ?? []);
      } catch {
        setError(t("readOffline"));
      }
    });

  return (
    <div className="mt-4 text-sm">
      <h3 className="font-semibold">{t("heading")}</h3>
      <div className="mt-2 flex gap-2">
        <Button type="button" variant="secondary" isPending={isPending && environment === "T"} onClick={() => load("T")}>
          {t("readTest")}
        </Button>
        <Button type="button" variant="secondary" isPending={isPending && environment === "R"} onClick={() => load("R")}>
          {t("readProduction")}
        </Button>
      </div>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {files &&
        environment &&
        (files.length === 0 ? (
          <p className="mt-2" role="status">
            {t("none", { directory: environment === "R" ? "OUT" : "OUTTEST" })}
          </p>
        ) : (
          <table className="mt-2 w-full text-left" data-testid="accuses">
            <caption className="sr-only">{t("caption")}</caption>
            <TableHead columns={[t("colFile"), t("colSize"), t("colDate")]} />
            <tbody>
              {files.map((f) => (
                <tr key={f.name} className="border-b border-slate-100">
                  <td className="py-2 pr-3 font-mono text-xs">
                    <DownloadButton action={`/api/canaux/accuses/${encodeURIComponent(f.name)}?channelId=${channelId}&environment=${environment}`}>
                      {f.name}
                    </DownloadButton>
                  </td>
                  <td className="py-2 pr-3">{t("size", { size: f.size })}</td>
                  <td className="py-2">{when(f.modifiedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
