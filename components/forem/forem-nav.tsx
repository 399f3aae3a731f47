import { useTranslations } from "next-intl";

const LINKS = [
  { href: "/forem", key: "contracts" },
  { href: "/forem/fichier", key: "file" },
  { href: "/forem/attestations", key: "attestations" },
  { href: "/forem/registre", key: "transmissions" },
] as const;

/** Sub-navigation of the FOREM area; `current` is the href of the page being shown. */
export function ForemNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  const t = useTranslations("forem.nav");
  return (
    <nav aria-label="FOREM" className="mb-6 flex flex-wrap gap-2 border-b border-slate-200 pb-3 text-sm">
      {LINKS.map((l) => (
        <a
          key={l.href}
          href={l.href}
          aria-current={l.href === current ? "page" : undefined}
          className={`rounded px-3 py-1.5 ${l.href === current ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-slate-100"}`}
        >
          {t(l.key)}
        </a>
      ))}
    </nav>
  );
}
