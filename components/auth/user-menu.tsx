"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import { SignOutButton } from "./sign-out-button";

/**
 * The person's own menu, at the top right of every portal page (issue 11: with ten entries the
 * navigation wrapped and « Se déconnecter » fell on a line of its own). A disclosure button with
 * the person's name: Enter/Space or a click opens it, Escape closes it and gives the focus back,
 * leaving it (Tab, a click elsewhere) closes it, and a new page closes it.
 */
export function UserMenu({ name, links }: { name: string; links: { href: string; label: string }[] }) {
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const t = useTranslations("nav");
  const [openedAt, setOpenedAt] = useState(pathname);
  if (isOpen && openedAt !== pathname) {
    setOpen(false);
    setOpenedAt(pathname);
  }
  useEffect(() => {
    if (!isOpen) return;
    const close = (e: MouseEvent | FocusEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("focusin", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("focusin", close);
    };
  }, [isOpen]);
  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && isOpen) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen((o) => !o);
        }}
        className="flex items-center gap-1 rounded border border-slate-300 px-3 py-1 text-sm text-slate-900 hover:bg-slate-100"
      >
        <span className="sr-only">{t("menuOf")}</span>
        <span data-testid="utilisateur-connecte">{name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <div id={id} hidden={!isOpen} className="absolute right-0 z-20 mt-1 w-56 rounded border border-slate-200 bg-white p-2 shadow-lg">
        <ul className="text-sm">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="block rounded px-2 py-1.5 text-brand-700 hover:bg-slate-100" onClick={() => setOpen(false)}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-2 border-t border-slate-200 pt-2">
          <SignOutButton />
        </div>
      </div>
    </div>
  );
}
