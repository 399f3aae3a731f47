"use client";

import { useTranslations } from "next-intl";

export type CryptoMode = "chiffrer" | "dechiffrer";

const OPTIONS = [
  { value: "chiffrer", label: "encrypt", hint: "encryptHint" },
  { value: "dechiffrer", label: "decrypt", hint: "decryptHint" },
] as const;

/** Native radios: arrow keys move between the two modes, Tab leaves the group. */
export function ModeSwitch({ mode, onChange, isDisabled }: { mode: CryptoMode; onChange: (mode: CryptoMode) => void; isDisabled?: boolean }) {
  const t = useTranslations("encryption.mode");
  return (
    <fieldset disabled={isDisabled}>
      <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
      <div className="mt-2 flex flex-wrap gap-3">
        {OPTIONS.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer items-center gap-2 rounded border border-slate-300 bg-white px-4 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name="mode-chiffrement"
              value={o.value}
              checked={mode === o.value}
              onChange={() => onChange(o.value)}
              className="accent-brand-700"
            />
            <span>
              <span className="font-medium">{t(o.label)}</span> <span className="text-slate-600">{t(o.hint)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
