// The portal's HTTP server: Next's request handler behind a plain Node server, so that the client's
// address comes from the socket (Next itself only fills X-Forwarded-For when a client did not).
// The computed address travels to the app in X-Portal-Client-IP, which a client cannot set: it is
// overwritten on every request. See docs/deployment.md (several instances, load balancer).
import { createServer } from "node:http";

import next from "next";

import { startBackground } from "./lib/jobs/start-background";
import { computeClientIp } from "./lib/security/client-ip";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustedHops = Number(process.env.PORTAL_TRUSTED_PROXY_HOPS ?? 0);

const ignoreAbortedBody = () => undefined;

const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  const ip = computeClientIp({
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    socketAddress: req.socket.remoteAddress,
    trustedHops,
  });
  req.headers["x-portal-client-ip"] = ip ?? "";
  // A request's body can be cut short after its answer was sent: the proxy refuses a post at once
  // (a foreign origin, no session) and the client closes before it has sent the whole body — e.g.
  // Next forwarding a server action posted to another page (found in the attack replays). Node then
  // reports « aborted » on the request, and Next has by then removed the request's listeners, so
  // the server's log showed an uncaught exception for each. Nothing is left to do for such a
  // request: the listener is put back once its answer is over.
  res.once("close", () => {
    if (req.listenerCount("error") === 0) req.on("error", ignoreAbortedBody);
  });
  void handle(req, res);
}).listen(port, hostname, () => {
  console.log(`Portail prêt sur le port ${port}.`);
  // Mail, reminders and housekeeping (lib/jobs/start-background.ts): on PostgreSQL a job queue
  // shared by every instance, so each mail and each round runs once.
  void startBackground({ hourlyJobs: process.env.PORTAL_JOBS !== "off" }).catch((e: unknown) => {
    console.error("Tâches de fond non démarrées :", (e as Error).message);
  });
});
