import { Button } from "@/components/ui/button";

export function RecoveryCodes({ codes, isPending, onContinue }: { codes: string[]; isPending: boolean; onContinue: () => void }) {
  return (
    <section aria-labelledby="codes-titre" className="mt-4">
      <h2 id="codes-titre" className="text-lg font-semibold">
        Vos codes de récupération
      </h2>
      <p className="mt-2 text-sm">
        Conservez ces codes en lieu sûr (pas sur ce poste). Chacun permet une seule connexion si vous perdez votre téléphone. Ils ne seront plus affichés.
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm" data-testid="codes-recuperation">
        {codes.map((c) => (
          <li key={c} className="rounded bg-slate-100 px-2 py-1 text-center">
            {c}
          </li>
        ))}
      </ul>
      <Button type="button" className="mt-6 w-full" isPending={isPending} onClick={onContinue}>
        J&apos;ai conservé mes codes, continuer
      </Button>
    </section>
  );
}
