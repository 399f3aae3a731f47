import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { actorOf } from "@/lib/forem/testing/actors";
import { uniqueNiss } from "@/lib/forem/testing/make-niss";
import { ensurePerson, ensureRole } from "@/lib/seed/builders";
import { createCentre } from "@/tests/fixtures/people";

import { searchPeople } from "./search-people";

afterAll(() => db.$disconnect());

// The RAE's people search (issue 3, seed 003 « Gestion des accès »): by part of a last name, a
// first name or an e-mail address whatever the case, or by the exact NISS; never outside the
// actor's centre. The expected people below are written by hand from that rule, so a change of
// meaning (case, accents, the e-mail, another centre, the order) fails here.

async function scene() {
  const { entity } = await createCentre();
  const { entity: otherCentre } = await createCentre();
  const tag = randomUUID().slice(0, 8);
  const person = (firstName: string, lastName: string, o: { entityId?: string; niss?: string; mail?: string } = {}) =>
    db.$transaction((tx) =>
      ensurePerson(tx, {
        entityId: o.entityId ?? entity.id,
        email: `${o.mail ?? lastName.toLowerCase()}-${tag}@it.cpas.be`,
        firstName,
        lastName,
        niss: o.niss,
      }),
    );
  const rae = await person("Rita", "Zeebrugge");
  await db.$transaction((tx) => ensureRole(tx, { personId: rae.id, role: "RAE", entityId: entity.id }));
  const niss = uniqueNiss();
  await person("Anne", "Dupont", { niss });
  await person("Marc", "Dupontel");
  await person("Élodie", "Lambert", { mail: "elo" });
  await person("Jean", "Martin", { mail: "jdupont" });
  await person("Anne", "Dupont", { entityId: otherCentre.id });
  return { actor: await actorOf(rae.id), niss };
}

const names = (r: Awaited<ReturnType<typeof searchPeople>>) => r.people.map((p) => `${p.firstName} ${p.lastName}`);

describe("searchPeople", () => {
  it("finds by part of a name or an e-mail whatever the case, in name order, only in the actor's centre", async () => {
    const { actor } = await scene();
    // « dupont »: Dupont, Dupontel (last names) and Jean Martin (his e-mail jdupont-…@), by last name.
    const r = await searchPeople({ actor, query: "dupont" });
    expect(names(r)).toEqual(["Anne Dupont", "Marc Dupontel", "Jean Martin"]);
    expect(r.total).toBe(3);
    expect(names(await searchPeople({ actor, query: "DuPoNTEL" }))).toEqual(["Marc Dupontel"]);
    expect(names(await searchPeople({ actor, query: "JDUPONT" }))).toEqual(["Jean Martin"]);
    // An accented capital matches its small letter, both ways.
    expect(names(await searchPeople({ actor, query: "élodie" }))).toEqual(["Élodie Lambert"]);
    expect(names(await searchPeople({ actor, query: "ÉLO" }))).toEqual(["Élodie Lambert"]);
    // Unaccented letters do not match accented ones (as ILIKE): « elodie » finds her e-mail only if it holds it.
    expect(names(await searchPeople({ actor, query: "elodie" }))).toEqual([]);
    expect(names(await searchPeople({ actor, query: "nobody-here" }))).toEqual([]);
  });

  it("finds one person by the exact NISS, typed with or without separators, never a partial one", async () => {
    const { actor, niss } = await scene();
    const dotted = `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}`;
    expect(names(await searchPeople({ actor, query: niss }))).toEqual(["Anne Dupont"]);
    expect(names(await searchPeople({ actor, query: dotted }))).toEqual(["Anne Dupont"]);
    expect((await searchPeople({ actor, query: niss.slice(0, 9) })).total).toBe(0);
  });

  it("an empty query lists the whole centre; a control character finds nobody rather than failing", async () => {
    const { actor } = await scene();
    const all = await searchPeople({ actor, query: "" });
    // The RAE and the four others of this centre; not the other centre's Anne Dupont.
    expect(all.total).toBe(5);
    expect(names(all)).toEqual(["Anne Dupont", "Marc Dupontel", "Élodie Lambert", "Jean Martin", "Rita Zeebrugge"]);
    expect((await searchPeople({ actor, query: "Dup\u0000ont" })).total).toBe(0);
  });
});
