import { randomUUID } from "node:crypto";

import type { Actor } from "@/lib/access/actor";
import type { RightCode } from "@/lib/access/catalogue";
import { authenticateApiToken, createApiToken } from "@/lib/api-tokens";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { ensureEntity, ensurePerson, ensureQuality } from "@/lib/seed/builders";
import { randomBce } from "@/tests/fixtures/people";

// One small centre per row of the expectation table, built with the seed's own builders and read
// back through the real actor loader (lib/auth/load-actor.ts), so that no row sees what another
// row did. People are created on demand: a row only pays for the personas it names.
//
// Centre A ("CPAS") has two activated qualities: « Action Sociale » (AS), where the CPAS
// applications live (seed 003, « CPAS & SPP Intégration Sociale »), and « Employeur ONSS » (ONSS),
// where « Gestion des canaux techniques » lives (seed 004). AS has one subdivision (SUB).
// Centre B is another CPAS; ONEM is the ONEM organisation of the C60.7 flow (seed 001).

export const META = { ip: "127.0.0.1", userAgent: "expectations" };

type Scope = "AS" | "ONSS" | "SUB" | null;
type Spec = {
  centre?: "A" | "B" | "ONEM" | "SPPIS";
  roles?: [RoleKind, Scope][];
  rights?: [RightCode, "AS" | "ONSS"][];
  inSubdivision?: boolean;
  isDpd?: boolean;
  /** Seed 004's quality deactivated by the RAE before this persona acts. */
  onssInactive?: boolean;
  token?: "ok" | "blocked" | "locked";
  /** Signed in, then blocked by the DPD (issue 13: the session that remains cannot act). */
  blockedSession?: boolean;
};

/** Every persona of issue 9 (and the extra targets of the table), as data. */
export const PERSONAS = {
  RAE: { roles: [["RAE", null]] },
  CO_RAE: { roles: [["CO_RAE", null]] },
  CO_RAE_2: { roles: [["CO_RAE", null]] },
  GL_AS: { roles: [["GL", "AS"]], isDpd: true }, // the GL of Action Sociale is the DPD (seed 003)
  CO_GL_AS: { roles: [["CO_GL", "AS"]] },
  CO_GL_AS_2: { roles: [["CO_GL", "AS"]] },
  GL_ONSS: { roles: [["GL", "ONSS"]] },
  CO_GL_ONSS: { roles: [["CO_GL", "ONSS"]] },
  GL_ONSS_OFF: { roles: [["GL", "ONSS"]], onssInactive: true },
  /** A holder of a right in the second quality only: « Gestion des canaux techniques » under ONSS. */
  RIGHT_ONSS: { rights: [["GESTION_CANAUX_TECHNIQUES", "ONSS"]] },
  /** Old data: CPAS rights granted under ONSS, and the channels right under AS. Reaches nothing. */
  MISPLACED: {
    rights: [
      ["AGENT_SOCIAL", "ONSS"],
      ["FILE_EXCHANGE", "ONSS"],
      ["RU_PRESIDENT", "ONSS"],
      ["CONSEILLER_SECURITE", "ONSS"],
      ["GESTION_CANAUX_TECHNIQUES", "AS"],
    ],
  },
  SUB_MGR: { roles: [["SUBDIVISION_MANAGER", "SUB"]], inSubdivision: true, rights: [["AGENT_SOCIAL", "AS"]] },
  SUB_MGR_2: { roles: [["SUBDIVISION_MANAGER", "SUB"]], inSubdivision: true, rights: [["AGENT_SOCIAL", "AS"]] },
  AGENT: { rights: [["AGENT_SOCIAL", "AS"]] },
  TECH: { roles: [["TECHNICAL_USER", "AS"]] },
  RU_MEMBRE: { rights: [["RU_MEMBRE_PERSONNEL", "AS"]] },
  RU_SECRETAIRE: { rights: [["RU_SECRETAIRE", "AS"]] },
  RU_PRESIDENT: { rights: [["RU_PRESIDENT", "AS"]] },
  SEC_ADVISOR: { rights: [["CONSEILLER_SECURITE", "AS"]] },
  FILEX: { rights: [["FILE_EXCHANGE", "AS"]] },
  ONEM_MEMBER: { centre: "ONEM" },
  ONEM_COLLAB: { centre: "ONEM", roles: [["ONEM_COLLABORATOR", null]] },
  /** Issue 10: the SPP IS receives the Rapport unique; a member of its staff without the role reaches nothing. */
  SPPIS_COLLAB: { centre: "SPPIS", roles: [["SPPIS_COLLABORATOR", null]] },
  SPPIS_MEMBER: { centre: "SPPIS" },
  OTHER_RAE: { centre: "B", roles: [["RAE", null]] },
  OTHER_DPD: {
    centre: "B",
    roles: [["GL", "AS"]],
    isDpd: true,
    rights: [
      ["AGENT_SOCIAL", "AS"],
      ["FILE_EXCHANGE", "AS"],
    ],
  },
  /** API tokens of a technical user holding Agent Social: active (control), blocked, locked out. */
  TOKEN_OK: { roles: [["TECHNICAL_USER", "AS"]], rights: [["AGENT_SOCIAL", "AS"]], token: "ok" },
  TOKEN_BLOCKED: { roles: [["TECHNICAL_USER", "AS"]], rights: [["AGENT_SOCIAL", "AS"]], token: "blocked" },
  TOKEN_LOCKED: { roles: [["TECHNICAL_USER", "AS"]], rights: [["AGENT_SOCIAL", "AS"]], token: "locked" },
  BLOCKED: { rights: [["AGENT_SOCIAL", "AS"]], blockedSession: true },
  // Targets only.
  USER_AS: { rights: [["AGENT_SOCIAL", "AS"]] },
  USER_SUB: { rights: [["AGENT_SOCIAL", "AS"]], inSubdivision: true },
  USER_ONSS: { rights: [["GESTION_CANAUX_TECHNIQUES", "ONSS"]] },
  FRESH: {},
  /** The centre's DPD, not (yet) GL of Action Sociale. */
  DPD_NOT_GL: { isDpd: true },
  FRESH_SUB: { inSubdivision: true },
  /** Finding 2: the DPD and the RAE after the GL of ONSS granted them a right under ONSS. */
  DPD_ONSS_RIGHT: { roles: [["GL", "AS"]], isDpd: true, rights: [["GESTION_CANAUX_TECHNIQUES", "ONSS"]] },
  RAE_ONSS_RIGHT: { roles: [["RAE", null]], rights: [["GESTION_CANAUX_TECHNIQUES", "ONSS"]] },
  /** Internal helpers that build requests, contracts and attestations for the rows. */
  _AUTHOR: { rights: [["AGENT_SOCIAL", "AS"]] },
} satisfies Record<string, Spec>;

export type PersonaKey = keyof typeof PERSONAS;

type Centre = { entityId: string; asId: string; onssId?: string; subId?: string };

async function newCentre(kind: "CPAS" | "ONEM" | "SPP_IS", withOnss: boolean): Promise<Centre> {
  return db.$transaction(async (tx) => {
    const tag = randomUUID().slice(0, 6);
    const entity = await ensureEntity(tx, { name: `${kind === "CPAS" ? "CPAS" : kind} attentes ${tag}`, bce: randomBce(), kind });
    const as = await ensureQuality(tx, { entityId: entity.id, type: "ACTION_SOCIALE", identifier: entity.bceNumber });
    if (!withOnss) return { entityId: entity.id, asId: as.id };
    const onss = await ensureQuality(tx, { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "123456789" });
    const sub = await tx.subdivision.create({ data: { qualityId: as.id, name: `Insertion ${tag}` } });
    return { entityId: entity.id, asId: as.id, onssId: onss.id, subId: sub.id };
  });
}

export class World {
  private people = new Map<string, Promise<string>>();
  private actors = new Map<string, Promise<Actor>>();
  private centreB?: Promise<Centre>;
  private onem?: Promise<Centre>;
  private sppis?: Promise<Centre>;

  private constructor(readonly a: Required<Centre>) {}

  static async create(): Promise<World> {
    return new World((await newCentre("CPAS", true)) as Required<Centre>);
  }

  get entityId() {
    return this.a.entityId;
  }
  get asId() {
    return this.a.asId;
  }
  get onssId() {
    return this.a.onssId;
  }
  get subId() {
    return this.a.subId;
  }
  other(): Promise<Centre> {
    return (this.centreB ??= newCentre("CPAS", false));
  }
  private onemCentre(): Promise<Centre> {
    return (this.onem ??= newCentre("ONEM", false));
  }
  private sppisCentre(): Promise<Centre> {
    return (this.sppis ??= newCentre("SPP_IS", false));
  }

  /** The person behind a persona key (created once per world). */
  person(key: PersonaKey): Promise<string> {
    let p = this.people.get(key);
    if (!p) {
      p = this.build(key, PERSONAS[key] as Spec);
      this.people.set(key, p);
    }
    return p;
  }

  private async build(key: string, spec: Spec): Promise<string> {
    const centre =
      spec.centre === "B" ? await this.other() : spec.centre === "ONEM" ? await this.onemCentre() : spec.centre === "SPPIS" ? await this.sppisCentre() : this.a;
    const scopeOf = (s: Scope) =>
      s === null ? {} : s === "SUB" ? { qualityId: this.a.asId, subdivisionId: this.a.subId } : { qualityId: s === "AS" ? centre.asId : this.a.onssId };
    const id = await db.$transaction(async (tx) => {
      const p = await ensurePerson(tx, {
        entityId: centre.entityId,
        email: `${key.toLowerCase().replace(/_/g, "-")}-${randomUUID().slice(0, 8)}@attentes.cpas.be`,
        firstName: key,
        lastName: "Attentes",
        subdivisionId: spec.inSubdivision ? this.a.subId : undefined,
      });
      for (const [role, scope] of spec.roles ?? []) {
        await tx.roleAssignment.create({ data: { personId: p.id, role, entityId: centre.entityId, ...scopeOf(scope) } });
      }
      for (const [rightCode, q] of spec.rights ?? []) {
        await tx.rightGrant.create({
          data: {
            personId: p.id,
            rightCode,
            entityId: centre.entityId,
            qualityId: q === "AS" ? centre.asId : this.a.onssId,
            validFrom: new Date(Date.now() - 60_000),
          },
        });
      }
      if (spec.isDpd) await tx.entity.update({ where: { id: centre.entityId }, data: { dpdPersonId: p.id } });
      if (spec.onssInactive) await tx.quality.update({ where: { id: this.a.onssId }, data: { isActive: false } });
      return p.id;
    });
    return id;
  }

  /** A real browser session for this persona, and its id. */
  async session(key: PersonaKey): Promise<string> {
    const personId = await this.person(key);
    return db.$transaction((tx) => createSession(tx, { personId, ip: META.ip, userAgent: META.userAgent }));
  }

  /**
   * The actor as a request would load it: from a session, or for the TOKEN_* personas from their
   * Bearer token (lib/api-tokens). Throws (UNAUTHENTICATED) when the way in is closed.
   */
  actor(key: PersonaKey): Promise<Actor> {
    let a = this.actors.get(key);
    if (!a) {
      a = this.loadActor(key);
      this.actors.set(key, a);
    }
    return a;
  }

  private async loadActor(key: PersonaKey): Promise<Actor> {
    const spec = PERSONAS[key] as Spec;
    const sid = await this.session(key);
    const sessionActor = await loadActor(sid, { touch: false });
    if (!sessionActor) throw new Error(`persona ${key}: no actor`);
    if (spec.blockedSession) {
      // Blocked by the DPD through the real command; the session is then read as the next request would.
      const { setPersonBlocked } = await import("@/lib/access/manage/set-person-blocked");
      await setPersonBlocked({ actor: await this.actor("GL_AS"), meta: META, personId: sessionActor.personId, isBlocked: true });
      const after = await loadActor(sid, { touch: false });
      if (!after) throw new AppError("UNAUTHENTICATED", msg("errors.sessionEnded"));
      return after;
    }
    if (!spec.token) return sessionActor;
    const { token } = await createApiToken({ actor: sessionActor, meta: META, input: { name: `jeton ${key}` } });
    if (spec.token === "blocked") {
      // Blocked by the DPD through the real command (sessions end at once).
      const { setPersonBlocked } = await import("@/lib/access/manage/set-person-blocked");
      await setPersonBlocked({ actor: await this.actor("GL_AS"), meta: META, personId: sessionActor.personId, isBlocked: true });
    }
    if (spec.token === "locked") {
      // Finding 6: locked out by wrong codes, and every session ended by the DPD.
      await db.person.update({
        where: { id: sessionActor.personId },
        data: { failedLogins: 5, lockoutLevel: 1, lockedUntil: new Date(Date.now() + 3_600_000) },
      });
      const { endPersonSessions } = await import("@/lib/sessions/end-person-sessions");
      await endPersonSessions({ actor: await this.actor("GL_AS"), meta: META, personEmail: sessionActor.email });
    }
    return authenticateApiToken({ token, meta: META });
  }

  /** The active role row of a persona (for commands that take a role id). */
  async roleOf(key: PersonaKey, role: RoleKind) {
    const personId = await this.person(key);
    return db.roleAssignment.findFirstOrThrow({ where: { personId, role, revokedAt: null } });
  }

  async grantOf(key: PersonaKey, rightCode: RightCode) {
    const personId = await this.person(key);
    return db.rightGrant.findFirstOrThrow({ where: { personId, rightCode, revokedAt: null } });
  }
}

/** A channel of centre A's « Employeur ONSS » quality as Chaman knows it (SFTP, DMFA), written directly; its GL created it. */
export async function onssChannel(w: World) {
  return db.technicalChannel.create({
    data: {
      entityId: w.entityId,
      qualityId: w.onssId,
      kind: "SFTP",
      accountName: "Compte batch",
      services: ["DMFA"],
      certificateName: "Certificat",
      certificateDer: new Uint8Array([48, 0]),
      certificateSubject: "CN=Canal batch",
      certificateFingerprint: "AA",
      certificateValidTo: new Date(Date.now() + 365 * 86_400_000),
      technicalUsername: `tech${randomUUID().slice(0, 8)}`,
      createdById: await w.person("GL_ONSS"),
    },
  });
}
