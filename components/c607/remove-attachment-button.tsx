"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { removeAttachmentAction } from "@/app/(portal)/c607/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Takes back a file ONEM has not received yet, after a confirmation step. */
export function RemoveAttachmentButton({ requestId, attachmentId, fileName }: { requestId: string; attachmentId: string; fileName: string }) {
  const router = useRouter();
  const t = useTranslations("c607.attachment");
  const [isConfirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (!isConfirming) {
    return (
      <button type="button" className="ml-2 text-sm text-red-800 underline underline-offset-4" onClick={() => setConfirming(true)}>
        {t("remove")}
        <span className="sr-only"> {t("removeNamed", { fileName })}</span>
      </button>
    );
  }
  return (
    <span className="ml-2 inline-flex flex-wrap items-center gap-2" role="group" aria-label={t("removeGroup", { fileName })}>
      <span className="text-sm text-slate-800">{t("confirmQuestion", { fileName })}</span>
      <Button
        type="button"
        variant="danger"
        isPending={isPending}
        onClick={() =>
          startTransition(async () => {
            const res = await removeAttachmentAction(requestId, attachmentId);
            if (res.status === "success") router.refresh();
            else if (res.status === "error") setError(res.message);
          })
        }
      >
        {t("confirm")}
      </Button>
      <Button type="button" variant="secondary" disabled={isPending} onClick={() => setConfirming(false)}>
        {t("cancel")}
      </Button>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </span>
  );
}
