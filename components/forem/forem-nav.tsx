const LINKS = [
  { href: "/forem", label: "Registre des contrats" },
  { href: "/forem/fichier", label: "Fichier FOREM" },
  { href: "/forem/attestations", label: "Attestations" },
  { href: "/forem/registre", label: "Transmissions" },
] as const;

/** Sub-navigation of the FOREM area; `current` is the href of the page being shown. */
export function ForemNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav aria-label="FOREM" className="mb-6 flex flex-wrap gap-2 border-b border-slate-200 pb-3 text-sm">
      {LINKS.map((l) => (
        <a
          key={l.href}
          href={l.href}
          aria-current={l.href === current ? "page" : undefined}
          className={`rounded px-3 py-1.5 ${l.href === current ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-slate-100"}`}
        >
          {l.label}
        </a>
      ))}
    </nav>
  );
}
