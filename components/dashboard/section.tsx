import type { ReactNode } from "react";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-titre`} data-testid={`section-${id}`} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={`${id}-titre`} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-3 text-sm">{children}</div>
    </section>
  );
}

export function Figure({ label, value, tone = "neutral" }: { label: string; value: number | string; tone?: "neutral" | "warn" }) {
  return (
    <div className={`rounded border p-3 ${tone === "warn" ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-slate-50"}`}>
      <dt className="text-xs text-slate-700">{label}</dt>
      <dd className="text-2xl font-semibold">{value}</dd>
    </div>
  );
}
