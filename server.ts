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
  void handle(req, res);
}).listen(port, hostname, () => {
  console.log(`Portail prêt sur le port ${port}.`);
  // Mail, reminders and housekeeping (lib/jobs/start-background.ts): on PostgreSQL a job queue
  // shared by every instance, so each mail and each round runs once.
  void startBackground({ hourlyJobs: process.env.PORTAL_JOBS !== "off" }).catch((e: unknown) => {
    console.error("Tâches de fond non démarrées :", (e as Error).message);
  });
});
