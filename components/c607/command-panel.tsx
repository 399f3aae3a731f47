"use client";

import {
  addAttachmentAction,
  answerRequestAction,
  calculateRequestAction,
  copyRequestAction,
  decideDerogationAction,
  requestComplementAction,
  sendRequestAction,
  takeRequestAction,
} from "@/app/(portal)/c607/actions";
import type { Command } from "@/lib/c607/requests/transitions";

import { CommandForm, SmallInput, TextArea } from "./command-form";
import { SEND_CONFIRMATION } from "./notices";
import { randomKey } from "./random-key";

type Props = {
  id: string;
  version: number;
  commands: Command[];
  isSecondCalculation: boolean;
  hasProposal: boolean;
};

const text = (f: FormData, name: string) => {
  const v = f.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

/** The commands that can succeed now, for this side (availableCommands); nothing else is offered. */
export function CommandPanel({ id, version, commands, isSecondCalculation, hasProposal }: Props) {
  const has = (c: Command) => commands.includes(c);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {has("update") && (
        <div className="rounded border border-slate-300 p-4">
          <h3 className="font-semibold text-slate-900">Données de la demande</h3>
          <a href={`/c607/${id}/modifier`} className="mt-3 inline-block text-brand-700 underline underline-offset-4">
            Modifier la demande
          </a>
        </div>
      )}
      {has("attach") && (
        <CommandForm
          title="Ajouter une pièce jointe"
          submitLabel="Joindre le fichier"
          variant="secondary"
          notice="joint"
          run={(f) => addAttachmentAction(id, f)}
        >
          <div className="mt-3">
            <label htmlFor="champ-file" className="block text-sm font-medium text-slate-800">
              Fichier (PDF, PNG ou JPEG, 5 Mo au maximum)
            </label>
            <input id="champ-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" className="mt-1 block w-full text-sm" />
          </div>
        </CommandForm>
      )}
      {has("send") && (
        <CommandForm
          title="Envoyer à l'ONEM"
          submitLabel="Envoyer à l'ONEM"
          notice="envoye"
          confirm={SEND_CONFIRMATION}
          run={(f) =>
            sendRequestAction(id, {
              version,
              derogationJustification: text(f, "derogationJustification"),
            })
          }
        >
          <p className="mt-2 text-sm text-slate-700">
            Après l&apos;envoi, la demande n&apos;est plus modifiable par le CPAS (sauf si l&apos;ONEM demande un complément) : une confirmation vous sera
            demandée.
          </p>
          {isSecondCalculation && (
            <TextArea
              name="derogationJustification"
              label="Justification de dérogation (uniquement hors de la période de 30 à 15 jours avant la fin du contrat)"
            />
          )}
        </CommandForm>
      )}
      {has("copy") && (
        <CommandForm
          title="Créer une copie modifiable"
          submitLabel="Créer la copie"
          variant="secondary"
          goTo={(newId) => `/c607/${newId}`}
          notice="copie"
          run={(f) =>
            copyRequestAction(id, {
              clientKey: randomKey(),
              reason: text(f, "reason"),
            })
          }
        >
          <fieldset className="mt-3 space-y-2 text-sm">
            <legend className="font-medium text-slate-800">Motif (les deux cas admis par l&apos;ONEM)</legend>
            <label className="flex gap-2">
              <input type="radio" name="reason" value="CONTRACT_CHANGED" required /> Les données du contrat ont changé (début ou régime de travail)
            </label>
            <label className="flex gap-2">
              <input type="radio" name="reason" value="EVENTS_DURING_CONTRACT" /> Effet d&apos;événements pendant le contrat (second calcul)
            </label>
          </fieldset>
        </CommandForm>
      )}
      {has("take") && (
        <CommandForm title="Prendre en traitement" submitLabel="Prendre en traitement" notice="pris" run={() => takeRequestAction(id, { version })} />
      )}
      {(has("accept_derogation") || has("refuse_derogation")) && (
        <CommandForm
          title="Décider de la dérogation"
          submitLabel="Enregistrer la décision"
          notice="derogation"
          run={(f) =>
            decideDerogationAction(id, {
              version,
              decision: text(f, "decision"),
              reason: text(f, "reason"),
            })
          }
        >
          <fieldset className="mt-3 space-y-2 text-sm">
            <legend className="font-medium text-slate-800">Décision</legend>
            <label className="flex gap-2">
              <input type="radio" name="decision" value="ACCEPT" required /> Accepter
            </label>
            <label className="flex gap-2">
              <input type="radio" name="decision" value="REFUSE" /> Refuser
            </label>
          </fieldset>
          <TextArea name="reason" label="Motif (obligatoire pour refuser)" />
        </CommandForm>
      )}
      {has("calculate") && (
        <CommandForm
          title="Calcul automatique"
          submitLabel={hasProposal ? "Recalculer" : "Calculer"}
          variant={hasProposal ? "secondary" : "primary"}
          notice="calcule"
          run={() => calculateRequestAction(id, { version })}
        />
      )}
      {has("answer") && (
        <>
          <CommandForm
            title="Valider la proposition"
            submitLabel="Valider et répondre au CPAS"
            notice="repondu"
            run={() => answerRequestAction(id, { version, decision: "VALIDATE" })}
          />
          <CommandForm
            title="Répondre avec un autre chiffre"
            submitLabel="Répondre avec ce chiffre"
            notice="repondu"
            variant="secondary"
            run={(f) =>
              answerRequestAction(id, {
                version,
                decision: "OVERRIDE",
                days: Number(text(f, "days")),
                endDate: text(f, "endDate"),
                reason: text(f, "reason"),
              })
            }
          >
            <SmallInput name="days" label="Jours à prester" type="number" />
            <SmallInput name="endDate" label="Date de fin" type="date" />
            <TextArea name="reason" label="Motif de la correction" required />
          </CommandForm>
        </>
      )}
      {has("request_complement") && (
        <CommandForm
          title="Demander un complément au CPAS"
          submitLabel="Renvoyer au CPAS"
          notice="complement"
          variant="secondary"
          run={(f) =>
            requestComplementAction(id, {
              version,
              message: text(f, "message"),
            })
          }
        >
          <TextArea name="message" label="Complément demandé" required />
        </CommandForm>
      )}
    </div>
  );
}
