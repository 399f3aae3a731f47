"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";

import { useLocalize } from "@/components/i18n/use-localize";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  checkDecryptionPassword,
  checkExpectedKind,
  decryptFile,
  encryptedSize,
  encryptFile,
  FILE_KIND_HEAD_LENGTH,
  isFileCryptoError,
  validateEncryptionPassword,
} from "@/lib/forem/crypto";

import { CryptoProgress, CryptoSuccess } from "./crypto-result";
import { FileDropZone } from "./file-drop-zone";
import { assertDecryptable, isProbablyEncrypted } from "./inspect-file";
import { ModeSwitch, type CryptoMode } from "./mode-switch";
import { PasswordFields, type Passwords } from "./password-fields";
import { chooseOutput, DownloadCancelledError, outputName, type SavedFile } from "./save-output";

type Status =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "cancelled" }
  | { kind: "error"; message: string }
  | { kind: "done"; saved: SavedFile; sourceName: string; kindWarning?: string };

const noSubscription = () => () => undefined;

/** Passes the bytes through and keeps the first ones, to check what the decrypted file is. */
function headRecorder(length: number): { stream: TransformStream<Uint8Array, Uint8Array>; head: () => Uint8Array } {
  let head = new Uint8Array(0);
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      if (head.length < length) {
        const next = new Uint8Array(Math.min(length, head.length + chunk.length));
        next.set(head);
        next.set(chunk.subarray(0, next.length - head.length), head.length);
        head = next;
      }
      controller.enqueue(chunk);
    },
  });
  return { stream, head: () => head };
}

/** The kind the name announces (a catalogue reference) when the first bytes say otherwise. */
function unexpectedKind(name: string, head: Uint8Array): string | undefined {
  const check = checkExpectedKind(name, head);
  return check && !check.isExpected ? check.label : undefined;
}

/**
 * Encrypts or decrypts a file entirely in the browser (seed 000, FOREM Impulsion list). There is no
 * fetch, no server action and no form submission: the file and the password never leave the page.
 * `initialFile` lets another screen (the FOREM export) hand over the file it just produced;
 * `onEncrypted` tells that screen the encrypted result was saved (its name and size only).
 */
export function FileCryptoIsland({ initialFile, onEncrypted }: { initialFile?: File; onEncrypted?: (result: { name: string; size: number }) => void }) {
  const t = useTranslations("encryption.island");
  const say = useLocalize(); // catalogue references of lib/forem/crypto (errors, labels)
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
  const abortRef = useRef<AbortController | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const isWorking = status.kind === "working";

  // Issue 11: after a success or an error, the keyboard focus goes to what happened, not to the top.
  useEffect(() => {
    if (status.kind === "done") resultRef.current?.focus();
    if (status.kind === "error") errorRef.current?.focus();
  }, [status]);

  if (initialFile !== handedOver) {
    setHandedOver(initialFile);
    if (initialFile) selectFile(initialFile);
  }

  const looksEncrypted = file !== null && sniffed?.file === file && sniffed.isEncrypted;

  useEffect(
    () => () => {
      abortRef.current?.abort(); // leaving the page stops the work and the download
      releaseUrl();
    },
    [],
  );
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
    if (!file) return setStatus({ kind: "error", message: t("noFile") });
    const { password, confirmation } = passwords;
    if (mode === "chiffrer") {
      const policyError = validateEncryptionPassword(password, confirmation);
      if (policyError) return setStatus({ kind: "error", message: say(policyError.message) });
    } else if (!password) {
      return setStatus({ kind: "error", message: t("noPassword") });
    }
    releaseUrl();
    setStatus({ kind: "working" });
    setPercent(0);
    const abort = new AbortController();
    abortRef.current = abort;
    const source = file;
    let shown = 0;
    const onProgress = (bytes: number) => {
      const next = source.size === 0 ? 100 : Math.min(100, Math.floor((bytes * 100) / source.size));
      if (next !== shown) setPercent((shown = next)); // one render per percent, not per chunk
    };
    try {
      if (mode === "dechiffrer") {
        await assertDecryptable(source);
        await checkDecryptionPassword(source, password); // before the dialog or the download starts
      }
      const save = await chooseOutput(outputName(mode, source.name), { frameTitle: t("downloadFrame") });
      if (!save) {
        setStatus({ kind: "idle" });
        return setPercent(null);
      }
      // Large slices read straight from the file (lib/forem/crypto/file-pipeline.ts, issue 15).
      const options = { onProgress, signal: abort.signal };
      const result = mode === "chiffrer" ? encryptFile(source, password, options) : decryptFile(source, password, options);
      const recorder = headRecorder(FILE_KIND_HEAD_LENGTH);
      const size = mode === "chiffrer" ? encryptedSize(source.size) : undefined;
      const saved = await save(mode === "chiffrer" ? result : result.pipeThrough(recorder.stream), { size, signal: abort.signal });
      urlRef.current = saved.downloadUrl;
      setPercent(100);
      const announced = mode === "dechiffrer" ? unexpectedKind(saved.name, recorder.head()) : undefined;
      const kindWarning = announced ? t("kindWarning", { kind: say(announced) }) : undefined;
      setStatus({ kind: "done", saved, sourceName: source.name, kindWarning });
      if (mode === "chiffrer") onEncrypted?.({ name: saved.name, size: saved.size });
    } catch (error) {
      setPercent(null);
      if (abort.signal.aborted) return setStatus({ kind: "cancelled" });
      if (error instanceof DownloadCancelledError) return setStatus({ kind: "error", message: t("downloadCancelled") });
      if (isFileCryptoError(error)) return setStatus({ kind: "error", message: say(error.message) });
      console.error("chiffrement local", error);
      setStatus({ kind: "error", message: t("unexpected") });
    } finally {
      if (abortRef.current === abort) abortRef.current = null;
    }
  }

  /** Stops at once: the slice in flight is dropped, the download or the file being written is abandoned. */
  function cancel() {
    abortRef.current?.abort(new DOMException("Opération annulée", "AbortError"));
  }

  const action = mode === "chiffrer" ? t("encryptAction") : t("decryptAction");
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={t("formLabel")} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <ModeSwitch mode={mode} onChange={selectMode} isDisabled={isWorking} />
      <FileDropZone mode={mode} file={file} onFile={selectFile} isDisabled={isWorking} />
      {looksEncrypted && mode === "chiffrer" && (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="deja-chiffre">
          {t("alreadyEncrypted")}{" "}
          <button type="button" className="text-brand-700 underline" onClick={() => selectMode("dechiffrer")}>
            {t("switchToDecrypt")}
          </button>
        </p>
      )}
      <PasswordFields mode={mode} value={passwords} onChange={setPasswords} isDisabled={isWorking} />
      <div className="mt-6">
        <Button type="submit" disabled={!isHydrated} isPending={isWorking}>
          {action}
        </Button>
        {isWorking && (
          <Button type="button" variant="secondary" className="ml-3" onClick={cancel}>
            {t("cancel")}
          </Button>
        )}
      </div>
      {percent !== null && <CryptoProgress mode={mode} percent={percent} />}
      {status.kind === "cancelled" && (
        <p role="status" data-testid="annule" className="mt-4 rounded border border-slate-300 bg-slate-50 p-3 text-sm text-slate-900">
          {t("cancelled")}
        </p>
      )}
      {status.kind === "error" && (
        <div ref={errorRef} tabIndex={-1} className="focus:outline-2 focus:outline-red-700">
          <ErrorAlert>{status.message}</ErrorAlert>
        </div>
      )}
      {status.kind === "done" && (
        <CryptoSuccess ref={resultRef} mode={mode} saved={status.saved} sourceName={status.sourceName} kindWarning={status.kindWarning} />
      )}
    </form>
  );
}
