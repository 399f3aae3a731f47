"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { endCurrentSession } from "@/app/deconnexion/actions";

/** Ends the server-side session (audited with the address), then next-auth's CSRF-protected sign-out clears the cookie. */
export function SignOutButton() {
  const [isPending, setPending] = useState(false);
  const t = useTranslations("nav");
  return (
    <button
      type="button"
      disabled={isPending}
      onClick={() => {
        setPending(true);
        // Even if ending the server session failed (network), the cookie is still cleared.
        void endCurrentSession()
          .catch(() => undefined)
          .finally(() => void signOut({ callbackUrl: "/login?raison=deconnexion" }));
      }}
      className="rounded border border-slate-400 px-3 py-1 text-slate-900 hover:bg-slate-100"
    >
      {isPending ? t("signingOut") : t("signOut")}
    </button>
  );
}
