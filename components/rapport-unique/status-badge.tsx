import { useTranslations } from "next-intl";

import type { RuFormStatus } from "@/lib/generated/prisma/enums";

const TONES: Record<RuFormStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-800 border-slate-300",
  READY: "bg-amber-50 text-amber-900 border-amber-300",
  SENT: "bg-blue-50 text-blue-900 border-blue-300",
  RETURNED: "bg-orange-50 text-orange-900 border-orange-300",
  ACCEPTED: "bg-green-50 text-green-900 border-green-300",
};

export function RuStatusBadge({ status }: { status: RuFormStatus }) {
  const t = useTranslations("ru.status");
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${TONES[status]}`} data-testid="statut-ru">
      {t(status)}
    </span>
  );
}
