"use client";

export type CryptoMode = "chiffrer" | "dechiffrer";

const OPTIONS: { value: CryptoMode; label: string; hint: string }[] = [
  { value: "chiffrer", label: "Chiffrer", hint: "un fichier à envoyer (résultat : .enc)" },
  { value: "dechiffrer", label: "Déchiffrer", hint: "un fichier .enc reçu" },
];

/** Native radios: arrow keys move between the two modes, Tab leaves the group. */
export function ModeSwitch({ mode, onChange, isDisabled }: { mode: CryptoMode; onChange: (mode: CryptoMode) => void; isDisabled?: boolean }) {
  return (
    <fieldset disabled={isDisabled}>
      <legend className="text-sm font-medium text-slate-800">Que voulez-vous faire ?</legend>
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
              <span className="font-medium">{o.label}</span> <span className="text-slate-600">{o.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
