"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useSyncExternalStore, useTransition } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import { fiOrder, signingMessage, signParts } from "./browser-signature";

type Result = { setName: string; directory: string; status?: string; files: { name: string }[] };
type SignatureMode = "navigateur" | "fichiers";

const noSubscription = () => () => undefined;

/**
 * Deposits one sending (FI parts, FS in production) through POST /api/canaux/depots. In production
 * the FS are either made here, in the browser, from a PKCS#12 file and its password (issue 14: the
 * file and the password stay in the page — their inputs have no `name`, and the request is built
 * by hand from the FI parts and the FS made), or made outside the portal and joined (a key on a
 * card or a token).
 */
export function DepositForm({ channelId, certificateBase64 }: { channelId: string; certificateBase64: string }) {
  const router = useRouter();
  const t = useTranslations("batch.depositForm");
  const tAll = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<(Result & { signedBy?: string; isHeld?: boolean }) | null>(null);
  const [environment, setEnvironment] = useState<"T" | "R">("T");
  const [mode, setMode] = useState<SignatureMode>("navigateur");
  const [password, setPassword] = useState("");
  const [isHeld, setHeld] = useState(false);
  const [step, setStep] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  // False in the server HTML, true once React handles the form: the button waits for it.
  const isHydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const field = (name: string) => formEl.elements.namedItem(name) as HTMLInputElement | null;
    const filesOf = (name: string) => [...(field(name)?.files ?? [])].filter((f) => f.size > 0);
    const fi = filesOf("fi").sort(fiOrder);
    const body = new FormData();
    body.set("channelId", channelId);
    body.set("code", field("code")?.value ?? "");
    body.set("environment", environment);
    if (isHeld) body.set("launch", "false");
    for (const part of fi) body.append("fi", part);
    startTransition(async () => {
      setDone(null);
      setError(null);
      let signedBy: string | undefined;
      if (environment === "R" && mode === "navigateur") {
        const pkcs12 = filesOf("pkcs12-local")[0];
        if (fi.length === 0) return setError(t("needFi"));
        if (!pkcs12) return setError(t("needPkcs12"));
        if (!password) return setError(t("needPassword"));
        try {
          setStep(t("signing", { count: fi.length }));
          const signed = await signParts({ fi, pkcs12, password, channelCertificateBase64: certificateBase64 });
          signedBy = signed.subject;
          for (const fs of signed.fs) body.append("fs", fs);
        } catch (err) {
          setStep(null);
          return setError(signingMessage(err, tAll as unknown as Parameters<typeof signingMessage>[1]) ?? t("signingUnexpected"));
        }
      } else if (environment === "R") {
        for (const fs of filesOf("fs")) body.append("fs", fs);
      }
      try {
        setStep(t("sending"));
        const res = await fetch("/api/canaux/depots", { method: "POST", body });
        const json = (await res.json()) as Partial<Result> & { erreur?: string; champs?: Record<string, string[]> };
        if (!res.ok) {
          setError([json.erreur ?? t("failed"), ...Object.values(json.champs ?? {}).flat()].join(" "));
          return;
        }
        setError(null);
        setDone({ ...(json as Result), signedBy, isHeld: json.status === "HELD" });
        setPassword("");
        formEl.reset();
        router.refresh();
      } catch {
        setError(t("failedOffline"));
      } finally {
        setStep(null);
      }
    });
  }

  const field = "mt-1 rounded border border-slate-400 bg-white px-2 py-1.5";
  return (
    <form method="post" onSubmit={onSubmit} aria-label={t("form")} className="mt-3 flex flex-col gap-3 text-sm" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col">
          <span className="font-medium">{t("code")}</span>
          <input name="code" required className={field} />
        </label>
        <label className="flex flex-col">
          <span className="font-medium">{t("environment")}</span>
          <select name="environment" value={environment} onChange={(e) => setEnvironment(e.target.value === "R" ? "R" : "T")} className={field}>
            <option value="T">{t("envTest")}</option>
            <option value="R">{t("envProduction")}</option>
          </select>
        </label>
      </div>
      <label className="flex flex-col">
        <span className="font-medium">{t("fi")}</span>
        <input name="fi" type="file" multiple required className="mt-1" />
      </label>
      {environment === "R" ? (
        <fieldset className="rounded border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t("fsLegend")}</legend>
          <div className="flex flex-col gap-1">
            <label className="flex items-center gap-2">
              <input type="radio" name="signature-mode" value="navigateur" checked={mode === "navigateur"} onChange={() => setMode("navigateur")} />
              {t("modeBrowser")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="signature-mode" value="fichiers" checked={mode === "fichiers"} onChange={() => setMode("fichiers")} />
              {t("modeFiles")}
            </label>
          </div>
          {mode === "navigateur" ? (
            <div className="mt-3 flex flex-col gap-3">
              <label className="flex flex-col">
                <span className="font-medium">{t("pkcs12")}</span>
                {/* No `name`: the file is read in the page only, never part of what is sent. */}
                <input id="pkcs12-local" type="file" accept=".p12,.pfx,application/x-pkcs12" className="mt-1" />
              </label>
              <label className="flex flex-col">
                <span className="font-medium">{t("password")}</span>
                <input
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  className={`${field} max-w-sm font-mono`}
                />
              </label>
              <p className="text-slate-700">{t("stayLocal")}</p>
            </div>
          ) : (
            <label className="mt-3 flex flex-col">
              <span className="font-medium">{t("fsFiles")}</span>
              <input name="fs" type="file" multiple className="mt-1" />
            </label>
          )}
        </fieldset>
      ) : (
        <p className="text-slate-700">{t("noFsInTest")}</p>
      )}
      <label className="flex items-start gap-2">
        <input type="checkbox" name="hold" checked={isHeld} onChange={(e) => setHeld(e.target.checked)} className="mt-1" />
        <span>{t("hold")}</span>
      </label>
      <p className="text-slate-700">{t("sequenceNote")}</p>
      <div>
        <Button type="submit" isPending={isPending} disabled={!isHydrated}>
          {t("submit")}
        </Button>
      </div>
      {step && (
        <p role="status" className="text-slate-700">
          {step}
        </p>
      )}
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {done && (
        <p role="status" data-testid="depot-confirme" className="rounded border border-green-300 bg-green-50 p-3 text-green-950">
          {t(done.isHeld ? "doneHeld" : "done", { setName: done.setName, directory: done.directory, files: done.files.map((f) => f.name).join(", ") })}
          {done.signedBy ? t("signedBy", { subject: done.signedBy }) : ""}
        </p>
      )}
    </form>
  );
}
