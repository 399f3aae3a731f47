// The portal's HTTP server: Next's request handler behind a plain Node server, so that the client's
// address comes from the socket (Next itself only fills X-Forwarded-For when a client did not).
// The computed address travels to the app in X-Portal-Client-IP, which a client cannot set: it is
// overwritten on every request. See docs/deployment.md (several instances, load balancer).
import { createServer } from "node:http";

import next from "next";

import { scheduleHourlyJobs } from "./lib/jobs/run-hourly-jobs";
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
  // Reminders and housekeeping (lib/jobs); with several instances only one runs each round.
  if (process.env.PORTAL_JOBS !== "off") scheduleHourlyJobs();
});
