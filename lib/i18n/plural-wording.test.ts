import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";

import { fr, nl } from "./catalogue";
import { flatten, type Tree } from "./testing/flatten";

// Counts are written in words that agree with the number (ICU plural), never « 1 personne(s)
// trouvée(s) » or « 5 dag(en) ». French CLDR: 0 and 1 take the singular; Dutch: only 1 does. The
// number inside a branch is `{count}`, not `#`, so 5000 stays « 5000 » as before (no grouping).
// The expected texts below are written by hand.

type Translate = (key: string, values?: Record<string, string | number>) => string;
const t = {
  fr: createTranslator({ locale: "fr-BE", messages: fr }) as unknown as Translate,
  nl: createTranslator({ locale: "nl-BE", messages: nl }) as unknown as Translate,
};

/** A message with 0, 1 and 2, in French then in Dutch. */
const CASES: { key: string; values: (n: number) => Record<string, string | number>; fr: string[]; nl: string[] }[] = [
  {
    key: "access.search.found",
    values: (count) => ({ count }),
    fr: ["0 personne trouvée.", "1 personne trouvée.", "2 personnes trouvées."],
    nl: ["0 personen gevonden.", "1 persoon gevonden.", "2 personen gevonden."],
  },
  {
    key: "access.success.reviewClosed",
    values: (revoked) => ({ revoked, unanswered: 3 }),
    fr: [
      "Revue clôturée : 0 droit retiré, 3 sans réponse.",
      "Revue clôturée : 1 droit retiré, 3 sans réponse.",
      "Revue clôturée : 2 droits retirés, 3 sans réponse.",
    ],
    nl: [
      "Herziening afgesloten: 0 rechten ingetrokken, 3 zonder antwoord.",
      "Herziening afgesloten: 1 recht ingetrokken, 3 zonder antwoord.",
      "Herziening afgesloten: 2 rechten ingetrokken, 3 zonder antwoord.",
    ],
  },
  {
    key: "c607.proposal.answerMet",
    values: (days) => ({ days }),
    fr: [
      "Réponse de l'ONEM : 0 jour à prester, la condition est déjà remplie",
      "Réponse de l'ONEM : 1 jour à prester, la condition est déjà remplie",
      "Réponse de l'ONEM : 2 jours à prester, la condition est déjà remplie",
    ],
    nl: [
      "Antwoord van de RVA: 0 te presteren dagen, aan de voorwaarde is al voldaan",
      "Antwoord van de RVA: 1 te presteren dag, aan de voorwaarde is al voldaan",
      "Antwoord van de RVA: 2 te presteren dagen, aan de voorwaarde is al voldaan",
    ],
  },
  {
    key: "mail.failures.waiting",
    values: (count) => ({ count }),
    fr: [
      "0 courriel attend depuis plus d'une heure : le serveur de messagerie est peut-être indisponible. Il partira dès son retour.",
      "1 courriel attend depuis plus d'une heure : le serveur de messagerie est peut-être indisponible. Il partira dès son retour.",
      "2 courriels attendent depuis plus d'une heure : le serveur de messagerie est peut-être indisponible. Ils partiront dès son retour.",
    ],
    nl: [
      "0 e-mails wachten al meer dan een uur: de mailserver is misschien onbereikbaar. Ze vertrekken zodra hij terug is.",
      "1 e-mail wacht al meer dan een uur: de mailserver is misschien onbereikbaar. Die vertrekt zodra hij terug is.",
      "2 e-mails wachten al meer dan een uur: de mailserver is misschien onbereikbaar. Ze vertrekken zodra hij terug is.",
    ],
  },
  {
    key: "account.password.changed",
    values: (count) => ({ count }),
    fr: [
      "Mot de passe modifié.",
      "Mot de passe modifié. 1 autre session ouverte avec l'ancien mot de passe a été fermée.",
      "Mot de passe modifié. 2 autres sessions ouvertes avec l'ancien mot de passe ont été fermées.",
    ],
    nl: [
      "Wachtwoord gewijzigd.",
      "Wachtwoord gewijzigd. 1 andere sessie die met het oude wachtwoord geopend was, werd afgesloten.",
      "Wachtwoord gewijzigd. 2 andere sessies die met het oude wachtwoord geopend waren, werden afgesloten.",
    ],
  },
];

describe("counts in words (ICU plural)", () => {
  it.each(CASES)("$key with 0, 1 and 2", ({ key, values, fr: french, nl: dutch }) => {
    expect([0, 1, 2].map((n) => t.fr(key, values(n)))).toEqual(french);
    expect([0, 1, 2].map((n) => t.nl(key, values(n)))).toEqual(dutch);
  });

  it("writes the number as before, without grouping: 5000, not « 5 000 »", () => {
    expect(t.fr("access.search.found", { count: 5000 })).toBe("5000 personnes trouvées.");
    expect(t.nl("access.search.found", { count: 5000 })).toBe("5000 personen gevonden.");
  });

  it("a person's sessions ended: the existing =0 branches and the elision still work", () => {
    const ended = (locale: "fr" | "nl", name: string, elide: "yes" | "no", count: number, tokens: number) =>
      t[locale]("sessions.personEnded", { name, elide, count, tokens });
    expect([
      ended("fr", "Jean Dupont", "no", 0, 0),
      ended("fr", "Jean Dupont", "no", 1, 0),
      ended("fr", "Anne Lebrun", "yes", 2, 1),
      ended("fr", "Anne Lebrun", "yes", 1, 2),
    ]).toEqual([
      "Jean Dupont n'avait aucune session active.",
      "1 session de Jean Dupont fermée.",
      "2 sessions d'Anne Lebrun fermées. 1 jeton d'API révoqué.",
      "1 session d'Anne Lebrun fermée. 2 jetons d'API révoqués.",
    ]);
    expect([ended("nl", "Jan Peeters", "no", 0, 0), ended("nl", "Jan Peeters", "no", 1, 1), ended("nl", "Jan Peeters", "no", 2, 2)]).toEqual([
      "Jan Peeters had geen actieve sessie.",
      "1 sessie van Jan Peeters afgesloten. 1 API-token ingetrokken.",
      "2 sessies van Jan Peeters afgesloten. 2 API-tokens ingetrokken.",
    ]);
  });
});

/** Messages that still say « (s) » / « (en) » on purpose, each with its reason. */
const KEPT: Record<string, string> = {
  "c607.calc.conversion.contract": "« {perDay} jour(s) »: perDay is a decimal already formatted as text (« 1,2 ») by formatDays",
  "c607.calc.conversion.contractPartTime": "« {perDay} jour(s) »: perDay is a decimal already formatted as text (« 0,6 ») by formatDays",
};

describe("no « (s) » / « (en) » left in the catalogues", () => {
  it.each([
    ["fr", fr],
    ["nl", nl],
  ] as const)("%s", (_locale, catalogue) => {
    const left = [...flatten(catalogue as unknown as Tree)].filter(([key, text]) => /\((?:s|en)\)/.test(text) && !(key in KEPT)).map(([key]) => key);
    expect(left).toEqual([]);
  });

  it("keeps only messages that do still need the exception", () => {
    for (const key of Object.keys(KEPT)) {
      expect(flatten(fr as unknown as Tree).get(key)).toMatch(/\(s\)/);
      expect(flatten(nl as unknown as Tree).get(key)).toMatch(/\(en\)/);
    }
  });
});
