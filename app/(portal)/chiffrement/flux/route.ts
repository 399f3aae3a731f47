// Service worker of the encryption page's download (issue 15), registered by
// components/forem/save-output.ts with the scope /chiffrement/telechargement/. The page hands it a
// ReadableStream of the result (a transferable stream, never the file or the password in clear:
// only the encrypted or decrypted bytes, inside the browser) and then opens
// /chiffrement/telechargement/<id> in a hidden frame; the worker answers that request with the
// stream as an attachment, so the browser writes the download to disk as it is produced instead of
// holding the whole result in a Blob (which a private window keeps in memory). Nothing here talks
// to the server: the request never leaves the browser when the worker knows the id.
const SCRIPT = `
const waiting = new Map();
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "telechargement") return; // pings only keep the worker awake
  waiting.set(data.id, data);
  event.ports[0] && event.ports[0].postMessage("pret");
});
self.addEventListener("fetch", (event) => {
  const match = /\\/chiffrement\\/telechargement\\/([\\w-]+)$/.exec(new URL(event.request.url).pathname);
  const entry = match && waiting.get(match[1]);
  if (!entry) return;
  waiting.delete(match[1]);
  const headers = {
    "Content-Type": "application/octet-stream",
    "Content-Disposition": "attachment; filename*=UTF-8''" + encodeURIComponent(entry.name),
    "X-Content-Type-Options": "nosniff",
  };
  if (typeof entry.size === "number") headers["Content-Length"] = String(entry.size);
  event.respondWith(new Response(entry.stream, { headers }));
});
`;

export function GET() {
  return new Response(SCRIPT, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
