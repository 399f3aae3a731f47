/**
 * Where the page writes its result (issue 15: never the whole result in memory, whatever the size).
 * 1. `showSaveFilePicker` (Chromium): the bytes stream straight to the chosen file.
 * 2. A streamed download: a service worker (app/(portal)/chiffrement/flux) answers a hidden
 *    frame's request with the result stream, so the browser writes the download as it comes, also
 *    in a private window, where a Blob would stay in memory until the tab closes.
 * 3. Where neither exists (no service worker: Firefox private windows, some policies), a Blob
 *    offered through an <a download>.
 * `?telechargement=1` skips 1 (Playwright sees downloads, not files written through a native
 * dialog); `?telechargement=blob` forces 3. Nothing here talks to the network.
 */
export type SavedFile = {
  name: string;
  size: number;
  /** Blob path only: object URL of the result, to download it again. Revoke when done. */
  downloadUrl?: string;
};

/**
 * Consumes the result stream; rejects with the stream's own error (e.g. a FileCryptoError), or the
 * signal's reason when the user cancels. `size` (when known) lets the download show its progress.
 */
export type OutputSaver = (readable: ReadableStream<Uint8Array>, options: { size?: number; signal?: AbortSignal }) => Promise<SavedFile>;

type SavePicker = (options: { suggestedName?: string }) => Promise<FileSystemFileHandle>;

function requestedPath(): string | null {
  return new URLSearchParams(window.location.search).get("telechargement");
}

function savePicker(): SavePicker | null {
  if (requestedPath() !== null) return null;
  const picker = (window as Window & { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  return typeof picker === "function" ? picker.bind(window) : null;
}

function counting(counter: { bytes: number }): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      counter.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

/**
 * Call during the click that started the operation: the save dialog needs that user activation.
 * Returns null when the user closes the dialog without choosing a file.
 */
export async function chooseOutput(suggestedName: string, labels: { frameTitle: string }): Promise<OutputSaver | null> {
  const picker = savePicker();
  if (picker) {
    let handle: FileSystemFileHandle;
    try {
      handle = await picker({ suggestedName });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return null;
      throw error;
    }
    return async (readable, { signal }) => {
      const counter = { bytes: 0 };
      // pipeTo aborts the writable on failure or cancel: Chromium then discards what was written.
      await readable.pipeThrough(counting(counter)).pipeTo(await handle.createWritable(), { signal });
      return { name: handle.name, size: counter.bytes };
    };
  }
  const worker = requestedPath() === "blob" ? null : await downloadWorker();
  if (worker) return (readable, options) => streamedDownload(worker, readable, suggestedName, labels.frameTitle, options);
  return async (readable, { signal }) => {
    const blob = await collectBlob(readable, signal);
    const url = URL.createObjectURL(blob);
    clickDownload(url, suggestedName);
    return { name: suggestedName, size: blob.size, downloadUrl: url };
  };
}

function clickDownload(url: string, name: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}

const WORKER_SCRIPT = "/chiffrement/flux";
const WORKER_SCOPE = "/chiffrement/telechargement/";
let workerPromise: Promise<ServiceWorker | null> | undefined;

/** The download worker once active, or null when the browser has none or refuses it. */
function downloadWorker(): Promise<ServiceWorker | null> {
  workerPromise ??= (async () => {
    if (!("serviceWorker" in navigator)) return null;
    try {
      const registration = await navigator.serviceWorker.register(WORKER_SCRIPT, { scope: WORKER_SCOPE });
      const worker = registration.active ?? registration.waiting ?? registration.installing;
      if (!worker) return null;
      if (worker.state !== "activated") {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("service worker not activated")), 10_000);
          worker.addEventListener("statechange", () => {
            if (worker.state === "activated") resolve();
            if (worker.state === "redundant") reject(new Error("service worker redundant"));
            if (worker.state === "activated" || worker.state === "redundant") clearTimeout(timer);
          });
        });
      }
      return worker;
    } catch (error) {
      console.warn("téléchargement en flux indisponible, repli sur un Blob", error);
      return null;
    }
  })();
  const pending = workerPromise;
  // A failure is not remembered: the next operation tries again.
  void pending.then((w) => {
    if (!w && workerPromise === pending) workerPromise = undefined;
  });
  return pending;
}

/**
 * Raised when the browser's download is cancelled (its own cancel button, or the frame went away).
 * The page says it in the reader's language (encryption.island.downloadCancelled).
 */
export class DownloadCancelledError extends Error {
  constructor() {
    super("download cancelled");
    this.name = "DownloadCancelledError";
  }
}

async function streamedDownload(
  worker: ServiceWorker,
  readable: ReadableStream<Uint8Array>,
  name: string,
  frameTitle: string,
  { size, signal }: { size?: number; signal?: AbortSignal },
): Promise<SavedFile> {
  const id = crypto.randomUUID();
  let bytes = 0;
  let settle!: { resolve: () => void; reject: (e: unknown) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const reader = readable.getReader();
  let started = false;
  // The worker pulls through this stream; its end tells the page the download has every byte.
  const outgoing = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        onAbort(signal, (reason) => {
          controller.error(reason);
          settle.reject(reason);
          void reader.cancel(reason).catch(() => undefined);
        });
      },
      async pull(controller) {
        started = true;
        try {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            return settle.resolve();
          }
          bytes += value.length;
          controller.enqueue(value);
        } catch (error) {
          controller.error(error);
          settle.reject(error);
        }
      },
      cancel(reason) {
        settle.reject(new DownloadCancelledError());
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  const channel = new MessageChannel();
  const ready = new Promise((resolve) => (channel.port1.onmessage = resolve));
  worker.postMessage({ type: "telechargement", id, name, size, stream: outgoing }, [outgoing as unknown as Transferable, channel.port2]);
  await ready;
  const frame = document.createElement("iframe");
  frame.hidden = true;
  frame.title = frameTitle;
  frame.src = `${WORKER_SCOPE}${id}`;
  document.body.append(frame);
  // A worker may be stopped when idle: a message every 10 s keeps it awake while the download runs.
  const keepAlive = setInterval(() => worker.postMessage({ type: "ping" }), 10_000);
  const noStart = setTimeout(() => {
    if (!started) settle.reject(new Error("the download frame did not start reading"));
  }, 30_000);
  try {
    await finished;
  } finally {
    clearInterval(keepAlive);
    clearTimeout(noStart);
    setTimeout(() => frame.remove(), 1_000);
  }
  return { name, size: bytes };
}

/** Runs `stop` once on abort; a stream already closed ignores it (error() would throw). */
function onAbort(signal: AbortSignal | undefined, stop: (reason: unknown) => void) {
  signal?.addEventListener(
    "abort",
    () => {
      try {
        stop(signal.reason);
      } catch {
        // the stream had already ended
      }
    },
    { once: true },
  );
}

/**
 * `new Response(stream).blob()` lets the engine spill big results to disk (not in a private
 * window), but some engines reject it with a generic TypeError when the stream fails; the watcher
 * keeps the real reason.
 */
async function collectBlob(readable: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<Blob> {
  let failure: unknown;
  const reader = readable.getReader();
  const watched = new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort(signal, (reason) => {
        failure = reason;
        controller.error(reason);
        void reader.cancel(reason).catch(() => undefined);
      });
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        failure ??= error;
        controller.error(error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  try {
    return await new Response(watched).blob();
  } catch (error) {
    throw failure ?? error;
  }
}

/** `liste.xlsx` → `liste.xlsx.enc`; `liste.xlsx.enc` → `liste.xlsx` (a name without .enc gets a suffix). */
export function outputName(mode: "chiffrer" | "dechiffrer", inputName: string): string {
  if (mode === "chiffrer") return `${inputName}.enc`;
  const stripped = inputName.replace(/\.enc$/i, "");
  return stripped && stripped !== inputName ? stripped : `${inputName}.dechiffre`;
}
