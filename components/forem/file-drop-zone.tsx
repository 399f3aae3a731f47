"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type DragEvent } from "react";

import type { CryptoMode } from "./mode-switch";
import { useFileSize } from "./use-file-size";

type Props = { mode: CryptoMode; file: File | null; onFile: (file: File) => void; isDisabled?: boolean };

/** Drop zone around a real file input: the input alone is enough with the keyboard or a screen reader. */
export function FileDropZone({ mode, file, onFile, isDisabled }: Props) {
  const t = useTranslations("encryption.drop");
  const formatSize = useFileSize();
  const inputRef = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);

  // A file dropped beside the zone would make the browser open it in the tab and lose the form.
  useEffect(() => {
    const keep = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    };
    window.addEventListener("dragover", keep);
    window.addEventListener("drop", keep);
    return () => {
      window.removeEventListener("dragover", keep);
      window.removeEventListener("drop", keep);
    };
  }, []);

  // Keep the input in step with a dropped or handed-over file, so both show the same choice.
  useEffect(() => {
    const input = inputRef.current;
    if (!input || !file || input.files?.[0] === file) return;
    try {
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
    } catch {
      // Older engines cannot assign files; the text below still names the chosen file.
    }
  }, [file]);

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setIsOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped && !isDisabled) onFile(dropped);
  }

  return (
    <div
      data-testid="zone-depot"
      onDragOver={(e) => {
        e.preventDefault();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={onDrop}
      className={`mt-4 rounded-lg border-2 border-dashed p-6 text-sm ${isOver ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-slate-50"}`}
    >
      <p className="text-slate-700">{mode === "chiffrer" ? t("promptEncrypt") : t("promptDecrypt")}</p>
      <label htmlFor="fichier-a-traiter" className="mt-3 block font-medium text-slate-800">
        {t("fileLabel")}
      </label>
      <input
        ref={inputRef}
        id="fichier-a-traiter"
        type="file"
        disabled={isDisabled}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) onFile(chosen);
        }}
        className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:text-slate-900"
      />
      <p className="mt-3 text-slate-700" data-testid="fichier-choisi" aria-live="polite">
        {file ? t.rich("chosen", { name: file.name, size: formatSize(file.size), strong: (chunks) => <strong>{chunks}</strong> }) : t("none")}
      </p>
    </div>
  );
}
