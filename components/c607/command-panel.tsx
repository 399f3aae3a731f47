"use client";

import { useTranslations } from "next-intl";

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
  const t = useTranslations("c607");
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {has("update") && (
        <div className="rounded border border-slate-300 p-4">
          <h3 className="font-semibold text-slate-900">{t("commands.dataTitle")}</h3>
          <a href={`/c607/${id}/modifier`} className="mt-3 inline-block text-brand-700 underline underline-offset-4">
            {t("commands.edit")}
          </a>
        </div>
      )}
      {has("attach") && (
        <CommandForm
          title={t("commands.attachTitle")}
          submitLabel={t("commands.attachSubmit")}
          variant="secondary"
          notice="joint"
          run={(f) => addAttachmentAction(id, f)}
        >
          <div className="mt-3">
            <label htmlFor="champ-file" className="block text-sm font-medium text-slate-800">
              {t("commands.file")}
            </label>
            <input id="champ-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" className="mt-1 block w-full text-sm" />
          </div>
        </CommandForm>
      )}
      {has("send") && (
        <CommandForm
          title={t("commands.sendTitle")}
          submitLabel={t("commands.sendSubmit")}
          notice="envoye"
          confirm={t("notices.sendConfirmation")}
          run={(f) =>
            sendRequestAction(id, {
              version,
              derogationJustification: text(f, "derogationJustification"),
            })
          }
        >
          <p className="mt-2 text-sm text-slate-700">{t("commands.sendWarning")}</p>
          {isSecondCalculation && <TextArea name="derogationJustification" label={t("commands.derogationJustification")} />}
        </CommandForm>
      )}
      {has("copy") && (
        <CommandForm
          title={t("commands.copyTitle")}
          submitLabel={t("commands.copySubmit")}
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
            <legend className="font-medium text-slate-800">{t("commands.copyReason")}</legend>
            <label className="flex gap-2">
              <input type="radio" name="reason" value="CONTRACT_CHANGED" required /> {t("commands.copyContractChanged")}
            </label>
            <label className="flex gap-2">
              <input type="radio" name="reason" value="EVENTS_DURING_CONTRACT" /> {t("commands.copyEvents")}
            </label>
          </fieldset>
        </CommandForm>
      )}
      {has("take") && <CommandForm title={t("commands.take")} submitLabel={t("commands.take")} notice="pris" run={() => takeRequestAction(id, { version })} />}
      {(has("accept_derogation") || has("refuse_derogation")) && (
        <CommandForm
          title={t("commands.derogationTitle")}
          submitLabel={t("commands.derogationSubmit")}
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
            <legend className="font-medium text-slate-800">{t("commands.decision")}</legend>
            <label className="flex gap-2">
              <input type="radio" name="decision" value="ACCEPT" required /> {t("commands.accept")}
            </label>
            <label className="flex gap-2">
              <input type="radio" name="decision" value="REFUSE" /> {t("commands.refuse")}
            </label>
          </fieldset>
          <TextArea name="reason" label={t("commands.derogationReason")} />
        </CommandForm>
      )}
      {has("calculate") && (
        <CommandForm
          title={t("commands.calculateTitle")}
          submitLabel={hasProposal ? t("commands.recalculate") : t("commands.calculate")}
          variant={hasProposal ? "secondary" : "primary"}
          notice="calcule"
          run={() => calculateRequestAction(id, { version })}
        />
      )}
      {has("answer") && (
        <>
          <CommandForm
            title={t("commands.validateTitle")}
            submitLabel={t("commands.validateSubmit")}
            notice="repondu"
            run={() => answerRequestAction(id, { version, decision: "VALIDATE" })}
          />
          <CommandForm
            title={t("commands.overrideTitle")}
            submitLabel={t("commands.overrideSubmit")}
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
            <SmallInput name="days" label={t("commands.days")} type="number" />
            <SmallInput name="endDate" label={t("commands.endDate")} type="date" />
            <TextArea name="reason" label={t("commands.overrideReason")} required />
          </CommandForm>
        </>
      )}
      {has("request_complement") && (
        <CommandForm
          title={t("commands.complementTitle")}
          submitLabel={t("commands.complementSubmit")}
          notice="complement"
          variant="secondary"
          run={(f) =>
            requestComplementAction(id, {
              version,
              message: text(f, "message"),
            })
          }
        >
          <TextArea name="message" label={t("commands.complementMessage")} required />
        </CommandForm>
      )}
    </div>
  );
}
