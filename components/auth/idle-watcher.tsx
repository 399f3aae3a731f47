"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { endCurrentSession } from "@/app/deconnexion/actions";

const ACTIVITY_EVENTS = ["mousedown", "keydown", "scroll", "touchstart", "mousemove"] as const;

/**
 * BCSS: close the session when the person steps away. Warns before the idle timeout, then signs
 * out. The server enforces the same timeout on its own (lib/auth/sessions.ts); activity is sent
 * to it with a throttled ping so reading a long page does not count as idle.
 */
export function IdleWatcher({ idleSeconds }: { idleSeconds: number }) {
  const lastActivity = useRef(0);
  const lastPing = useRef(0);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const t = useTranslations("auth.idle");
  const warnBefore = Math.min(60, Math.floor(idleSeconds * 0.4));

  useEffect(() => {
    lastActivity.current = Date.now();
    lastPing.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      const idleFor = (now - lastActivity.current) / 1000;
      const left = Math.ceil(idleSeconds - idleFor);
      if (left <= 0) {
        window.clearInterval(timer);
        void endCurrentSession("inactivité")
          .catch(() => undefined)
          .finally(() => void signOut({ callbackUrl: "/login?raison=inactivite" }));
        return;
      }
      setSecondsLeft(left <= warnBefore ? left : null);
      const pingEvery = Math.min(60_000, (idleSeconds * 1000) / 3);
      if (lastActivity.current > lastPing.current && now - lastPing.current > pingEvery) {
        lastPing.current = now;
        void fetch("/api/session/ping", { method: "POST" }).then((r) => {
          // Full navigation: the session is gone server-side, nothing of this page should survive.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          if (r.status === 401) window.location.assign("/login?raison=expiree");
        });
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onActivity);
    };
  }, [idleSeconds, warnBefore]);

  if (secondsLeft === null) return null;
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="inactivite-titre"
      data-testid="avertissement-inactivite"
      className="fixed inset-x-0 top-0 z-50 border-b border-amber-400 bg-amber-50 p-4 text-amber-950 shadow"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3">
        <p id="inactivite-titre">{t.rich("warning", { seconds: secondsLeft, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <button
          type="button"
          className="rounded bg-brand-700 px-3 py-1 text-white"
          onClick={() => {
            lastActivity.current = Date.now();
            lastPing.current = 0;
            setSecondsLeft(null);
          }}
        >
          {t("stay")}
        </button>
      </div>
    </div>
  );
}
