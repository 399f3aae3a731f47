"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createDecryptStream, createEncryptStream, isFileCryptoError, validateEncryptionPassword } from "@/lib/forem/crypto";

import { CryptoProgress, CryptoSuccess } from "./crypto-result";
import { FileDropZone } from "./file-drop-zone";
import { assertDecryptable, isProbablyEncrypted } from "./inspect-file";
import { ModeSwitch, type CryptoMode } from "./mode-switch";
import { PasswordFields, type Passwords } from "./password-fields";
import { chooseOutput, outputName, type SavedFile } from "./save-output";

type Status = { kind: "idle" } | { kind: "working" } | { kind: "error"; message: string } | { kind: "done"; saved: SavedFile; sourceName: string };

const noSubscription = () => () => undefined;

const UNEXPECTED = "Le traitement a échoué de manière inattendue. Réessayez ; si le problème persiste, contactez le support.";

/**
 * Encrypts or decrypts a file entirely in the browser (seed 000, FOREM Impulsion list). There is no
 * fetch, no server action and no form submission: the file and the password never leave the page.
 * `initialFile` lets another screen (the FOREM export) hand over the file it just produced;
 * `onEncrypted` tells that screen the encrypted result was saved (its name and size only).
 */
export function FileCryptoIsland({ initialFile, onEncrypted }: { initialFile?: File; onEncrypted?: (result: { name: string; size: number }) => void }) {
  const [mode, setMode] = useState<CryptoMode>("chiffrer");
  const [file, setFile] = useState<File | null>(initialFile ?? null);
  const [handedOver, setHandedOver] = useState(initialFile);
  const [passwords, setPasswords] = useState<Passwords>({ password: "", confirmation: "" });
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [percent, setPercent] = useState<number | null>(null);
  const [sniffed, setSniffed] = useState<{ file: File; isEncrypted: boolean } | null>(null);
  // False in the server HTML, true once React handles the form: the submit button waits for it.
  const isHydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const urlRef = useRef<string | undefined>(undefined);
  const isWorking = status.kind === "working";

  if (initialFile !== handedOver) {
    setHandedOver(initialFile);
    if (initialFile) selectFile(initialFile);
  }

  const looksEncrypted = file !== null && sniffed?.file === file && sniffed.isEncrypted;

  useEffect(() => () => releaseUrl(), []);
  useEffect(() => {
    if (file)
      void isProbablyEncrypted(file).then(
        (isEncrypted) => setSniffed({ file, isEncrypted }),
        () => undefined,
      );
  }, [file]);

  function releaseUrl() {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = undefined;
  }

  function selectFile(next: File) {
    setFile(next);
    setStatus({ kind: "idle" });
    setPercent(null);
  }

  function selectMode(next: CryptoMode) {
    setMode(next);
    setStatus({ kind: "idle" });
    setPercent(null);
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault(); // never a native submission: nothing may go to the server
    if (!isWorking) void run();
  }

  async function run() {
    if (!file) return setStatus({ kind: "error", message: "Choisissez d'abord un fichier." });
    const { password, confirmation } = passwords;
    if (mode === "chiffrer") {
      const policyError = validateEncryptionPassword(password, confirmation);
      if (policyError) return setStatus({ kind: "error", message: policyError.message });
    } else if (!password) {
      return setStatus({ kind: "error", message: "Saisissez le mot de passe du fichier chiffré." });
    }
    releaseUrl();
    setStatus({ kind: "working" });
    setPercent(0);
    const source = file;
    let shown = 0;
    const onProgress = (bytes: number) => {
      const next = source.size === 0 ? 100 : Math.min(100, Math.floor((bytes * 100) / source.size));
      if (next !== shown) setPercent((shown = next)); // one render per percent, not per chunk
    };
    try {
      if (mode === "dechiffrer") await assertDecryptable(source);
      const save = await chooseOutput(outputName(mode, source.name));
      if (!save) {
        setStatus({ kind: "idle" });
        return setPercent(null);
      }
      const transform = mode === "chiffrer" ? createEncryptStream(password, { onProgress }) : createDecryptStream(password, { onProgress });
      const saved = await save(source.stream().pipeThrough(transform));
      urlRef.current = saved.downloadUrl;
      setPercent(100);
      setStatus({ kind: "done", saved, sourceName: source.name });
      if (mode === "chiffrer") onEncrypted?.({ name: saved.name, size: saved.size });
    } catch (error) {
      setPercent(null);
      if (isFileCryptoError(error)) return setStatus({ kind: "error", message: error.message });
      console.error("chiffrement local", error);
      setStatus({ kind: "error", message: UNEXPECTED });
    }
  }

  const action = mode === "chiffrer" ? "Chiffrer le fichier" : "Déchiffrer le fichier";
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Chiffrement local" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <ModeSwitch mode={mode} onChange={selectMode} isDisabled={isWorking} />
      <FileDropZone mode={mode} file={file} onFile={selectFile} isDisabled={isWorking} />
      {looksEncrypted && mode === "chiffrer" && (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="deja-chiffre">
          Ce fichier semble déjà chiffré (en-tête OpenSSL « Salted__ »).{" "}
          <button type="button" className="text-brand-700 underline" onClick={() => selectMode("dechiffrer")}>
            Passer en mode Déchiffrer
          </button>
        </p>
      )}
      <PasswordFields mode={mode} value={passwords} onChange={setPasswords} isDisabled={isWorking} />
      <div className="mt-6">
        <Button type="submit" disabled={!isHydrated} isPending={isWorking}>
          {action}
        </Button>
      </div>
      {percent !== null && <CryptoProgress mode={mode} percent={percent} />}
      {status.kind === "error" && <ErrorAlert>{status.message}</ErrorAlert>}
      {status.kind === "done" && <CryptoSuccess mode={mode} saved={status.saved} sourceName={status.sourceName} />}
    </form>
  );
}
