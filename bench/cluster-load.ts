import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import { TOTAL_CAP } from "@/lib/c607/requests/queue-cursor";

import { contentFor, stats, type Stats } from "./c607-queue-measure";
import { QUEUE_ROWS } from "./cluster-fixture";
import { visibleText } from "./lib/measure";

// The request mix of bench/cluster.ts: CLIENTS signed-in clients, each looping over the same ten
// requests (SCRIPT) one after another, as a person working in the portal, for a fixed time. Each
// request carries the session of the person who does it: a manager of the 5,000-user centre (RAE,
// GL, Agent social; the people search for « Nom12 »), a C60.7 agent of a CPAS, an ONEM collaborator; every client has its own three
// sessions and its own draft. Only 200 counts as success: a redirect (refused session), a 4xx or a
// 5xx is an error.

/** `search`: the manager's session with the search page's sealed query cookie (see cluster.ts). */
export type Role = "manager" | "search" | "agent" | "onem";
export type Client = { k: number; cookies: Record<Role, string>; draft: { id: string; version: number } };
type Step = { name: string; role: Role; method: "GET" | "PATCH"; path: (c: Client) => string; body?: (c: Client, i: number) => unknown };

const draftStart = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
/** The draft's whole form, as the edit page saves it; the worker's first name changes at each save. */
export const draftContent = (k: number, i: number) => {
  const c = contentFor(k, draftStart);
  return { ...c, worker: { ...c.worker, firstName: `Brouillon${i}` } };
};

/** 10 requests: 7 page views over 4 pages of the manager, the agent and ONEM, 1 draft page, 1 draft save (PATCH). */
export const SCRIPT: Step[] = [
  { name: "tableau-de-bord", role: "manager", method: "GET", path: () => "/tableau-de-bord" },
  { name: "c607-liste", role: "agent", method: "GET", path: () => "/c607" },
  { name: "onem-file", role: "onem", method: "GET", path: () => "/onem" },
  { name: "recherche", role: "search", method: "GET", path: () => "/gestion/recherche" },
  { name: "c607-brouillon", role: "agent", method: "GET", path: (c) => `/c607/${c.draft.id}` },
  { name: "tableau-de-bord", role: "manager", method: "GET", path: () => "/tableau-de-bord" },
  { name: "onem-file", role: "onem", method: "GET", path: () => "/onem" },
  { name: "recherche", role: "search", method: "GET", path: () => "/gestion/recherche" },
  { name: "c607-liste", role: "agent", method: "GET", path: () => "/c607" },
  {
    name: "c607-enregistrement",
    role: "agent",
    method: "PATCH",
    path: (c) => `/api/c607/requests/${c.draft.id}`,
    body: (c, i) => ({ version: c.draft.version, content: draftContent(c.k, i) }),
  },
];

/** What each page must show with the fixture's data (checked once per configuration, before the load). */
export const EXPECTED_TEXT: Record<string, RegExp> = {
  "tableau-de-bord": /Personnes<\/dt><dd[^>]*>5001<\/dd>/,
  recherche: /111 personnes trouvées/,
  "c607-liste": /C607-2025-/,
  // The queue holds more requests than the list counts exactly (keyset pages, issue 15): « Plus de 10000 demandes ».
  "onem-file": QUEUE_ROWS > TOTAL_CAP ? new RegExp(`Plus de ${TOTAL_CAP} demandes`) : /demandes? — page 1 sur/,
  "c607-brouillon": /Brouillon|Banc/,
};

async function send(origin: string, c: Client, step: Step, i: number, timeoutMs: number) {
  const body = step.body?.(c, i);
  const res = await fetch(`${origin}${step.path(c)}`, {
    method: step.method,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
    headers: { cookie: c.cookies[step.role], ...(body ? { "content-type": "application/json", origin } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status === 200 && step.method === "PATCH") c.draft.version = (JSON.parse(text) as { version: number }).version;
  return { status: res.status, text };
}

/** A draft per client, created through the API with the agent's session (as the "new request" page does). */
export async function createDraft(origin: string, k: number, agentCookie: string): Promise<{ id: string; version: number }> {
  const res = await fetch(`${origin}/api/c607/requests`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: agentCookie, "content-type": "application/json", origin },
    body: JSON.stringify({ clientKey: randomUUID(), content: draftContent(k, 0) }),
  });
  const json = (await res.json()) as { id?: string; version?: number; erreur?: string };
  if (res.status !== 201 || !json.id) throw new Error(`Brouillon C60.7 non créé : statut ${res.status} (${json.erreur ?? "?"}).`);
  return { id: json.id, version: json.version ?? 1 };
}

/** Every step once, through `origin`, with its expected content: a refused session or an empty page stops the run. */
export async function verifyMix(origin: string, c: Client): Promise<void> {
  for (const [i, step] of SCRIPT.entries()) {
    const r = await send(origin, c, step, i, 30_000);
    if (r.status !== 200) throw new Error(`${step.method} ${step.name} : statut ${r.status} au lieu de 200.`);
    const expected = EXPECTED_TEXT[step.name];
    if (expected && !expected.test(visibleText(r.text))) throw new Error(`${step.name} : le texte attendu ${expected} est absent de la page.`);
  }
}

export type PhaseResult = {
  passes: number;
  seconds: number;
  requests: number;
  perSecond: number;
  errors: number;
  errorSamples: string[];
  all: Stats;
  byStep: Record<string, Stats & { errors: number }>;
};

/** One measured pass: the raw timings, per request name. */
export type Pass = { seconds: number; samples: Map<string, number[]>; errors: Map<string, number>; errorSamples: string[] };

/**
 * All clients loop over SCRIPT (client k starts at step k, so the pages are mixed at every moment)
 * for `warmupMs` unrecorded, then `measureMs` recorded: a request counts if it started within the
 * measured window. Closed loop: each client sends its next request when the previous one answered.
 */
export async function runPass(o: {
  origin: string;
  clients: Client[];
  warmupMs: number;
  measureMs: number;
  timeoutMs: number;
  /** Called when the measured window opens and when it closes (CPU counters). */
  window?: { open: () => Promise<void>; close: () => Promise<void> };
}): Promise<Pass> {
  const measureFrom = performance.now() + o.warmupMs;
  const measureTo = measureFrom + o.measureMs;
  const windowDone = o.window
    ? Promise.all([
        new Promise((r) => setTimeout(r, o.warmupMs)).then(o.window.open),
        new Promise((r) => setTimeout(r, o.warmupMs + o.measureMs)).then(o.window.close),
      ])
    : null;
  const pass: Pass = { seconds: o.measureMs / 1000, samples: new Map(), errors: new Map(), errorSamples: [] };
  const loop = async (c: Client) => {
    for (let i = c.k; performance.now() < measureTo; i++) {
      const step = SCRIPT[i % SCRIPT.length]!;
      const started = performance.now();
      let failure: string | null = null;
      try {
        const r = await send(o.origin, c, step, i, o.timeoutMs);
        if (r.status !== 200) failure = `${step.method} ${step.name} : statut ${r.status}`;
      } catch (e) {
        failure = `${step.method} ${step.name} : ${(e as Error).message}`;
      }
      if (started < measureFrom || started >= measureTo) continue;
      if (failure) {
        pass.errors.set(step.name, (pass.errors.get(step.name) ?? 0) + 1);
        if (pass.errorSamples.length < 5) pass.errorSamples.push(failure);
        continue;
      }
      pass.samples.set(step.name, [...(pass.samples.get(step.name) ?? []), performance.now() - started]);
    }
  };
  await Promise.all(o.clients.map(loop));
  await windowDone;
  return pass;
}

/** The passes of one configuration together: throughput over their measured time, percentiles over all their requests. */
export function summarize(passes: Pass[]): PhaseResult {
  const names = [...new Set(SCRIPT.map((s) => s.name))];
  const of = (name: string) => passes.flatMap((p) => p.samples.get(name) ?? []);
  const errorsOf = (name: string) => passes.reduce((n, p) => n + (p.errors.get(name) ?? 0), 0);
  const allMs = names.flatMap(of);
  const seconds = passes.reduce((n, p) => n + p.seconds, 0);
  const errors = names.reduce((n, name) => n + errorsOf(name), 0);
  return {
    passes: passes.length,
    seconds,
    requests: allMs.length,
    perSecond: allMs.length / seconds,
    errors,
    errorSamples: passes.flatMap((p) => p.errorSamples).slice(0, 5),
    all: stats(allMs.length ? allMs : [0]),
    byStep: Object.fromEntries(names.map((name) => [name, { ...stats(of(name).length ? of(name) : [0]), errors: errorsOf(name) }])),
  };
}
