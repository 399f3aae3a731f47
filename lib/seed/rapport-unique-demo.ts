import type { Tx } from "@/lib/db/client";
import { canonicalJson, sha256Hex } from "@/lib/rapport-unique/canonical";
import { emptyContent, type FormContent } from "@/lib/rapport-unique/content";
import { definitionsForYear } from "@/lib/rapport-unique/definitions";

// Demo data of the Rapport unique (issue 10): the campaign of the previous subsidy year, opened by
// the SPP IS, with the demo centre's forms in every state of the workflow so a newcomer sees it all
// on `npm start`: one to encode, one awaiting the president, one returned with a reason, one
// accepted, one empty. Amounts in cents. Written once (a campaign that exists is left alone).

export const RU_DEMO_YEAR = 2025;

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function seedRapportUniqueDemo(tx: Tx, o: { demoEntityId: string; sppisEntityId: string }): Promise<void> {
  if (await tx.ruCampaign.findUnique({ where: { year: RU_DEMO_YEAR }, select: { id: true } })) return;
  const defs = definitionsForYear(RU_DEMO_YEAR)!;
  const people = await tx.person.findMany({
    where: { email: { in: ["sppis@demo.mi-is.be", "secretaire@demo.cpas.be", "president@demo.cpas.be", "personnel@demo.cpas.be"] } },
    select: { id: true, email: true, firstName: true, lastName: true },
  });
  const who = (email: string) => {
    const p = people.find((x) => x.email === email)!;
    return { id: p.id, name: `${p.firstName} ${p.lastName}` };
  };
  const sppis = who("sppis@demo.mi-is.be");
  const secretary = who("secretaire@demo.cpas.be");
  const president = who("president@demo.cpas.be");
  const member = who("personnel@demo.cpas.be");
  // The deadline follows the demo's own date: two months after the seed, so the demo is never "late".
  const deadline = new Date(Date.now() + 60 * 86_400_000);
  const campaign = await tx.ruCampaign.create({ data: { year: RU_DEMO_YEAR, deadline: new Date(`${day(deadline)}T00:00:00Z`), openedById: sppis.id } });
  const definitions = new Map<string, string>();
  for (const [i, d] of defs.entries()) {
    const row = await tx.ruFormDefinition.create({
      data: { campaignId: campaign.id, code: d.code, definition: d, sha256: sha256Hex(canonicalJson(d)), position: i },
    });
    definitions.set(d.code, row.id);
  }
  const centres = await tx.entity.findMany({ where: { kind: "CPAS" }, select: { id: true } });
  await tx.ruForm.createMany({
    data: centres.flatMap((c) =>
      defs.map((d) => ({ campaignId: campaign.id, entityId: c.id, definitionId: definitions.get(d.code)!, formCode: d.code, content: emptyContent(d) })),
    ),
  });
  const grants: [string, string, number][] = [
    ["FRAIS_PERSONNEL", "NORMES", 6_000_000],
    ["FRAIS_PERSONNEL", "ACCUEIL", 2_000_000],
    ["FONDS_GAZ_ELECTRICITE", "PERSONNEL", 4_000_000],
    ["FONDS_GAZ_ELECTRICITE", "MESURES", 2_500_000],
    ["PARTICIPATION_ACTIVATION_SOCIALE", "PARTICIPATION", 1_050_000],
    ["PARTICIPATION_ACTIVATION_SOCIALE", "MODULES", 300_000],
    ["PARTICIPATION_ACTIVATION_SOCIALE", "PAUVRETE_INFANTILE", 200_000],
    ["PIIS", "PIIS", 5_000_000],
    ["AIDE_ALIMENTAIRE", "AIDE_ALIMENTAIRE", 1_000_000],
  ];
  await tx.ruGrant.createMany({
    data: grants.map(([formCode, envelopeCode, cents]) => ({
      campaignId: campaign.id,
      entityId: o.demoEntityId,
      formCode,
      envelopeCode,
      amountCents: BigInt(cents),
      recordedById: sppis.id,
    })),
  });
  await tx.ruCentreData.create({
    data: {
      campaignId: campaign.id,
      entityId: o.demoEntityId,
      contactName: member.name,
      contactEmail: "personnel@demo.cpas.be",
      contactPhone: "081 23 45 67",
      updatedById: member.id,
    },
  });

  const form = (code: string) =>
    tx.ruForm.findUniqueOrThrow({ where: { campaignId_entityId_formCode: { campaignId: campaign.id, entityId: o.demoEntityId, formCode: code } } });
  const def = (code: string) => defs.find((d) => d.code === code)!;
  const grantsOf = (code: string) => Object.fromEntries(grants.filter((g) => g[0] === code).map((g) => [g[1], g[2]]));
  const event = (
    formId: string,
    actor: { id: string; name: string },
    kind: string,
    at: Date,
    extra: { from?: "DRAFT" | "READY" | "SENT"; to?: "READY" | "SENT" | "RETURNED" | "ACCEPTED"; note?: string } = {},
  ) =>
    tx.ruEvent.create({
      data: { formId, actorId: actor.id, actorName: actor.name, kind, fromStatus: extra.from, toStatus: extra.to, note: extra.note, createdAt: at },
    });
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
  const hashOf = (code: string, entityId: string, version: number, content: FormContent) =>
    sha256Hex(
      canonicalJson({
        year: RU_DEMO_YEAR,
        entityId,
        formCode: code,
        definitionSha: sha256Hex(canonicalJson(def(code))),
        version,
        content,
        grants: grantsOf(code),
      }),
    );

  // 1. Frais de personnel: being encoded (one line so far).
  {
    const f = await form("FRAIS_PERSONNEL");
    const content = emptyContent(def("FRAIS_PERSONNEL"));
    content.sections.PERSONNEL_NORMES!.staff = [
      { kind: "PERSON", label: "Assistante sociale (A. Dupont)", from: "2025-01-01", to: "2025-12-31", fteHundredths: 100, costCents: 4_800_000 },
    ];
    content.sections.PERSONNEL_NORMES!.mode = "ONLINE";
    await tx.ruForm.update({ where: { id: f.id }, data: { content, version: 2 } });
    await event(f.id, member, "section_saved", ago(6), { note: "« Personnel — amélioration des normes de personnel » : 1 ligne." });
  }
  // 2. Fonds gaz-électricité: ready, signed by the secretary, waiting for the president.
  {
    const f = await form("FONDS_GAZ_ELECTRICITE");
    const content = emptyContent(def("FONDS_GAZ_ELECTRICITE"));
    content.sections.PERSONNEL!.staff = [
      { kind: "PERSON", label: "Guide énergie (M. Lambert)", from: "2025-01-01", to: "2025-12-31", fteHundredths: 80, costCents: 3_500_000 },
    ];
    content.sections.PERSONNEL!.mode = "ONLINE";
    content.sections.APUREMENT!.expenses = [{ category: "FACTURES_ELECTRICITE", description: "Apurement de 38 dossiers", amountCents: 1_800_000 }];
    content.sections.APUREMENT!.mode = "ONLINE";
    const version = 3;
    const contentHash = hashOf(f.formCode, f.entityId, version, content);
    await tx.ruForm.update({ where: { id: f.id }, data: { content, version, status: "READY", contentHash, readyAt: ago(3) } });
    await tx.ruSignature.create({
      data: { formId: f.id, role: "SECRETAIRE", signerId: secretary.id, signerName: secretary.name, formVersion: version, contentHash, signedAt: ago(2) },
    });
    await event(f.id, member, "ready", ago(3), { from: "DRAFT", to: "READY", note: "Justifié : 53 000,00 € sur 65 000,00 € octroyés." });
    await event(f.id, secretary, "signed", ago(2), { note: "Signé en qualité de secrétaire du CPAS." });
  }
  // 3. PAS: sent, then returned by the SPP IS with a reason.
  {
    const f = await form("PARTICIPATION_ACTIVATION_SOCIALE");
    const content = emptyContent(def("PARTICIPATION_ACTIVATION_SOCIALE"));
    content.sections.PARTICIPATION_DEPENSES!.expenses = [{ category: "BILLETS", description: "Tickets de théâtre et de cinéma", amountCents: 650_000 }];
    content.sections.PARTICIPATION_DEPENSES!.mode = "ONLINE";
    content.sections.INDICATEURS!.values = { BENEFICIAIRES_PARTICIPATION: 84, MODULES_ORGANISES: 0, ENFANTS_AIDES: 0 };
    await tx.ruForm.update({
      where: { id: f.id },
      data: {
        content,
        version: 5,
        status: "RETURNED",
        sentAt: ago(20),
        decidedAt: ago(10),
        returnReason: "Volet 3 : vous indiquez 0 enfant aidé alors que le CPAS a organisé des aides scolaires en 2025. Complétez les dépenses et l'indicateur.",
      },
    });
    await event(f.id, member, "ready", ago(22), { from: "DRAFT", to: "READY" });
    await event(f.id, secretary, "signed", ago(21), { note: "Signé en qualité de secrétaire du CPAS." });
    await event(f.id, president, "signed", ago(20), { note: "Signé en qualité de président du CPAS." });
    await event(f.id, president, "sent", ago(20), { from: "READY", to: "SENT", note: "Envoyé au SPP IS." });
    await event(f.id, sppis, "returned_by_sppis", ago(10), {
      from: "SENT",
      to: "RETURNED",
      note: "Volet 3 : vous indiquez 0 enfant aidé alors que le CPAS a organisé des aides scolaires en 2025. Complétez les dépenses et l'indicateur.",
    });
  }
  // 4. PIIS: accepted (46 000,00 € justified of 50 000,00 €: 4 000,00 € to recover).
  {
    const f = await form("PIIS");
    const content = emptyContent(def("PIIS"));
    content.sections.PERSONNEL!.staff = [
      { kind: "PERSON", label: "Référente PIIS (S. Noël)", from: "2025-01-01", to: "2025-12-31", fteHundredths: 100, costCents: 4_600_000 },
    ];
    content.sections.PERSONNEL!.mode = "ONLINE";
    const version = 3;
    const contentHash = hashOf(f.formCode, f.entityId, version, content);
    await tx.ruForm.update({
      where: { id: f.id },
      data: {
        content,
        version: version + 1,
        status: "ACCEPTED",
        contentHash,
        readyAt: ago(40),
        sentAt: ago(38),
        decidedAt: ago(30),
        justifiedCents: 4_600_000n,
        notJustifiedCents: 400_000n,
      },
    });
    await tx.ruSignature.createMany({
      data: [
        { formId: f.id, role: "SECRETAIRE", signerId: secretary.id, signerName: secretary.name, formVersion: version, contentHash, signedAt: ago(39) },
        { formId: f.id, role: "PRESIDENT", signerId: president.id, signerName: president.name, formVersion: version, contentHash, signedAt: ago(38) },
      ],
    });
    await event(f.id, member, "ready", ago(40), { from: "DRAFT", to: "READY" });
    await event(f.id, secretary, "signed", ago(39), { note: "Signé en qualité de secrétaire du CPAS." });
    await event(f.id, president, "signed", ago(38), { note: "Signé en qualité de président du CPAS." });
    await event(f.id, president, "sent", ago(38), { from: "READY", to: "SENT", note: "Envoyé au SPP IS." });
    await event(f.id, sppis, "accepted", ago(30), { from: "SENT", to: "ACCEPTED", note: "Justifié : 46 000,00 € ; non justifié : 4 000,00 € (à récupérer)." });
  }
  // 5. Aide alimentaire: nothing encoded yet.
}
