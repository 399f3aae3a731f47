"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { useLocalize } from "@/components/i18n/use-localize";
import { Button } from "@/components/ui/button";
import { estimatePasswordStrength, generatePassword, MIN_PASSWORD_LENGTH } from "@/lib/forem/crypto";

import type { CryptoMode } from "./mode-switch";

export type Passwords = { password: string; confirmation: string };

type Props = { mode: CryptoMode; value: Passwords; onChange: (value: Passwords) => void; isDisabled?: boolean };

const METER_COLOURS = ["bg-red-600", "bg-red-600", "bg-amber-500", "bg-green-600", "bg-green-700"];

/**
 * The inputs have no `name`: even if the form were ever submitted natively (before hydration),
 * the browser would have nothing to send.
 */
export function PasswordFields({ mode, value, onChange, isDisabled }: Props) {
  const t = useTranslations("encryption.password");
  const say = useLocalize(); // catalogue references of lib/forem/crypto (errors, labels)
  const [isVisible, setIsVisible] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const [copyStatus, setCopyStatus] = useState("");
  const isEncrypt = mode === "chiffrer";
  const strength = isEncrypt && value.password ? estimatePasswordStrength(value.password) : null;
  const isShowingGenerated = isEncrypt && generated !== null && generated === value.password;

  function generate() {
    const password = generatePassword();
    setGenerated(password);
    setCopyStatus("");
    onChange({ password, confirmation: password });
  }

  function copy(password: string) {
    navigator.clipboard.writeText(password).then(
      () => setCopyStatus(t("copied")),
      () => setCopyStatus(t("copyFailed")),
    );
  }

  const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 font-mono text-slate-900 shadow-sm focus:border-brand-600";
  return (
    <fieldset disabled={isDisabled} className="mt-4">
      <label htmlFor="mot-de-passe" className="block text-sm font-medium text-slate-800">
        {t("label")}
      </label>
      <input
        id="mot-de-passe"
        type={isVisible ? "text" : "password"}
        autoComplete={isEncrypt ? "new-password" : "off"}
        spellCheck={false}
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        aria-describedby="mot-de-passe-aide"
        className={inputClass}
      />
      <p id="mot-de-passe-aide" className="mt-1 text-xs text-slate-600">
        {isEncrypt ? t("helpEncrypt", { min: MIN_PASSWORD_LENGTH }) : t("helpDecrypt")}
      </p>
      {strength && (
        <div className="mt-2 flex items-center gap-3 text-xs text-slate-700" data-testid="robustesse">
          <div className="h-2 w-40 rounded bg-slate-200" aria-hidden="true">
            <div className={`h-2 rounded ${METER_COLOURS[strength.score]}`} style={{ width: `${(strength.score + 1) * 20}%` }} />
          </div>
          <span aria-live="polite">{t(strength.score === 0 ? "strengthRefused" : "strength", { label: say(strength.label) })}</span>
        </div>
      )}
      {isEncrypt && (
        <>
          <label htmlFor="mot-de-passe-confirmation" className="mt-4 block text-sm font-medium text-slate-800">
            {t("confirmation")}
          </label>
          <input
            id="mot-de-passe-confirmation"
            type={isVisible ? "text" : "password"}
            autoComplete="new-password"
            spellCheck={false}
            value={value.confirmation}
            onChange={(e) => onChange({ ...value, confirmation: e.target.value })}
            className={inputClass}
          />
        </>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={isVisible} onChange={(e) => setIsVisible(e.target.checked)} className="accent-brand-700" />
          {isEncrypt ? t("showBoth") : t("showOne")}
        </label>
        {isEncrypt && (
          <Button type="button" variant="secondary" onClick={generate}>
            {t("generate")}
          </Button>
        )}
      </div>
      {isShowingGenerated && generated && (
        <div className="mt-3 rounded border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">
          <p>{t("generated")}</p>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <code data-testid="mot-de-passe-genere" className="select-all rounded bg-white px-2 py-1 font-mono text-base">
              {generated}
            </code>
            <Button type="button" variant="secondary" onClick={() => copy(generated)}>
              {t("copy")}
            </Button>
          </div>
          <p role="status" className="mt-1 text-xs">
            {copyStatus}
          </p>
        </div>
      )}
    </fieldset>
  );
}
