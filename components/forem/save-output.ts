/**
 * Where the page writes its result. Chromium's File System Access API streams the bytes straight
 * to disk (a 1 GB file never sits in memory); elsewhere the browser builds a Blob and we offer it
 * through an <a download>. `?telechargement=1` forces the second path: Playwright only sees
 * downloads, not files written through a native save dialog.
 * Nothing here talks to the network: blob: URLs live inside the browser.
 */
export type SavedFile = {
  name: string;
  size: number;
  /** Blob path only: object URL of the result, to download it again. Revoke when done. */
  downloadUrl?: string;
};

/** Consumes the result stream; rejects with the stream's own error (e.g. a FileCryptoError). */
export type OutputSaver = (readable: ReadableStream<Uint8Array>) => Promise<SavedFile>;

type SavePicker = (options: { suggestedName?: string }) => Promise<FileSystemFileHandle>;

function savePicker(): SavePicker | null {
  if (new URLSearchParams(window.location.search).get("telechargement") === "1") return null;
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
export async function chooseOutput(suggestedName: string): Promise<OutputSaver | null> {
  const picker = savePicker();
  if (picker) {
    let handle: FileSystemFileHandle;
    try {
      handle = await picker({ suggestedName });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return null;
      throw error;
    }
    return async (readable) => {
      const counter = { bytes: 0 };
      // pipeTo aborts the writable on failure: Chromium then discards what was written.
      await readable.pipeThrough(counting(counter)).pipeTo(await handle.createWritable());
      return { name: handle.name, size: counter.bytes };
    };
  }
  return async (readable) => {
    const blob = await collectBlob(readable);
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = suggestedName;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
    return { name: suggestedName, size: blob.size, downloadUrl: url };
  };
}

/**
 * `new Response(stream).blob()` lets the engine spill big results to disk, but some engines reject
 * it with a generic TypeError when the stream fails; the watcher keeps the real reason.
 */
async function collectBlob(readable: ReadableStream<Uint8Array>): Promise<Blob> {
  let failure: unknown;
  const reader = readable.getReader();
  const watched = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        failure = error;
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
