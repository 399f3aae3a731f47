import { z } from "zod";

import {
  C607_STATUSES,
  ZAnswerRequest,
  ZCopyRequest,
  ZCreateRequest,
  ZDecideDerogation,
  ZRequestComplement,
  ZSendRequest,
  ZUpdateDraft,
  ZVersionOnly,
} from "../requests/schemas";

// OpenAPI 3.1 description of /api/c607. The request bodies are generated from the same zod
// schemas the handlers use (z.toJSONSchema), so the document cannot drift from the validation;
// cross-field rules (periods, NISS check digits) are described in prose.

const schema = (s: z.ZodType) =>
  z.toJSONSchema(s, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  });

const error = {
  type: "object",
  properties: {
    erreur: { type: "string", description: "Message dans la langue de l'appelant (fr ou nl : en-tête Accept-Language ; réponse Content-Language)" },
    code: { type: "string", description: "Code stable, le même dans toutes les langues (BAD_REQUEST, NOT_FOUND…)" },
    cle: { type: "string", description: "Clé stable du message dans le catalogue (par ex. errors.notFound), la même dans toutes les langues" },
    champs: {
      type: "object",
      additionalProperties: { type: "array", items: { type: "string" } },
    },
  },
  required: ["erreur", "code"],
};
// Every route may answer 429: the rate limit of a token applies to every call made with it.
const errors = (...codes: number[]) =>
  Object.fromEntries(
    [...codes, 429].map((c) => [
      String(c),
      {
        description: ERROR_TEXT[c] ?? "Erreur",
        content: {
          "application/json": {
            schema: { $ref: "#/components/schemas/Erreur" },
          },
        },
      },
    ]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: "JSON mal formé, champ inconnu ou invalide (détail par champ dans `champs`)",
  401: "Non authentifié",
  403: "Action réservée à l'autre partie (CPAS / ONEM) ou droit manquant",
  404: "Demande inconnue ou d'un autre CPAS",
  409: "Version périmée (modifiée entre-temps) ou demande déjà en cours pour ce contrat",
  413: "Fichier de plus de 5 Mo",
  422: "Changement de statut interdit, type de fichier refusé, dérogation requise",
  429: "Trop d'appels avec ce jeton (600 par minute)",
};
const uuidPathParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const idParam = uuidPathParam("id");
const attachmentParams = [idParam, uuidPathParam("attachmentId")];
const body = (s: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: schema(s) } },
});
const ok = (description: string) => ({
  description,
  content: { "application/json": { schema: { type: "object" } } },
});
const command = (summary: string, s: z.ZodType, tag: string) => ({
  post: {
    tags: [tag],
    summary,
    parameters: [idParam],
    requestBody: body(s),
    responses: {
      "200": ok("Nouvelle version de la demande"),
      ...errors(400, 401, 403, 404, 409, 422),
    },
  },
});

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Portail CPAS — demandes C60.7 (CPAS@ONEM)",
      version: "1.0.0",
      description:
        "Demandes de calcul des jours à prester (article 60 §7). Authentification : soit un jeton d'API personnel (`Authorization: Bearer cpas_…`, créé par un utilisateur technique sur la page « Jetons d'API » ; il agit avec les droits de son titulaire, qui doit aussi avoir le droit Agent social ; 600 appels par minute et par jeton), soit la session du portail (navigateur ; les appels qui modifient exigent alors l'en-tête Origin du portail). Si l'en-tête Bearer est présent, le cookie est ignoré. Chaque modification porte la `version` lue (concurrence optimiste, 409 si périmée). Les dates sont des dates civiles belges AAAA-MM-JJ. Voir docs/c607.md.",
    },
    servers: [{ url: "/" }],
    // Either credential is enough: a personal token (scripts) or the browser session.
    security: [{ jeton: [] }, { session: [] }],
    tags: [{ name: "CPAS" }, { name: "ONEM" }, { name: "Lecture" }],
    paths: {
      "/api/c607/requests": {
        get: {
          tags: ["Lecture"],
          summary: "Liste (CPAS : ses demandes ; ONEM : file de toutes les demandes envoyées)",
          parameters: [
            {
              name: "status",
              in: "query",
              schema: { type: "string", enum: [...C607_STATUSES] },
            },
            {
              name: "entityId",
              in: "query",
              description: "ONEM : filtre par CPAS",
              schema: { type: "string", format: "uuid" },
            },
            {
              name: "deadline",
              in: "query",
              schema: { type: "string", enum: ["OVERDUE", "TODAY", "WEEK"] },
            },
            {
              name: "page",
              in: "query",
              description:
                "Numéro de page (50 demandes par page), conservé pour les clients existants, de 1 à 200 (les 10 000 premières demandes) ; au-delà, 400. Pour aller plus loin, suivre `nextCursor`. Ne se combine pas avec `cursor` (400).",
              schema: { type: "integer", minimum: 1, maximum: 200 },
            },
            {
              name: "cursor",
              in: "query",
              description:
                "Curseur opaque d'une réponse précédente (`nextCursor` ou `previousCursor`) : la page qui suit ou qui précède, dans l'ordre de la liste (ONEM : échéance, réception ; CPAS : création, la plus récente d'abord), avec les mêmes filtres. Un curseur altéré ou de l'autre liste : 400. Il ne fait que situer la page : le centre et les filtres restent ceux de l'appel.",
              schema: { type: "string", maxLength: 160 },
            },
          ],
          responses: {
            "200": ok(
              "Page de 50 demandes, avec `urgency` OVERDUE / TODAY. `total` est exact jusqu'à 10 000 ; au-delà il vaut 10 000 et `totalCapped` est vrai (depuis l'issue 15 ; avant, le compte exact). `nextCursor` / `previousCursor` : la page suivante / précédente, ou null. `page` : le numéro de la page si elle a été demandée par numéro (ou la première), null si elle a été atteinte par un curseur ; `pageCount` découle de `total` (minimum quand `totalCapped`). Un paramètre répété : 400.",
            ),
            ...errors(400, 401, 403),
          },
        },
        post: {
          tags: ["CPAS"],
          summary: "Créer un brouillon (numéro de référence attribué tout de suite ; idempotent sur clientKey)",
          requestBody: body(ZCreateRequest),
          responses: {
            "201": ok("Créée : id, reference, version"),
            "200": ok("Même clientKey : la demande déjà créée"),
            ...errors(400, 401, 403, 409),
          },
        },
      },
      "/api/c607/requests/{id}": {
        get: {
          tags: ["Lecture"],
          summary: "Lire une demande (données, pièces, proposition, réponse, historique)",
          parameters: [idParam],
          responses: { "200": ok("La demande"), ...errors(401, 403, 404) },
        },
        patch: {
          tags: ["CPAS"],
          summary: "Modifier un brouillon (formulaire complet)",
          parameters: [idParam],
          requestBody: body(ZUpdateDraft),
          responses: {
            "200": ok("id, version"),
            ...errors(400, 401, 403, 404, 409, 422),
          },
        },
      },
      "/api/c607/requests/{id}/send": command("Envoyer à l'ONEM (second calcul hors fenêtre : derogationJustification)", ZSendRequest, "CPAS"),
      "/api/c607/requests/{id}/copy": command("Copie modifiable d'une demande calculée (CONTRACT_CHANGED ou EVENTS_DURING_CONTRACT)", ZCopyRequest, "CPAS"),
      "/api/c607/requests/{id}/attachments": {
        post: {
          tags: ["CPAS"],
          summary: "Ajouter une pièce jointe (PDF, PNG, JPEG ; 5 Mo ; type vérifié d'après le contenu)",
          parameters: [idParam],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: {
                    file: {
                      type: "string",
                      contentMediaType: "application/octet-stream",
                    },
                  },
                  required: ["file"],
                },
              },
            },
          },
          responses: {
            "201": ok("La pièce jointe et la nouvelle version"),
            ...errors(400, 401, 403, 404, 409, 413, 422),
          },
        },
      },
      "/api/c607/requests/{id}/attachments/{attachmentId}": {
        get: {
          tags: ["Lecture"],
          summary: "Télécharger une pièce jointe",
          parameters: attachmentParams,
          responses: {
            "200": { description: "Le fichier" },
            ...errors(401, 403, 404),
          },
        },
        delete: {
          tags: ["CPAS"],
          summary: "Retirer une pièce jointe que l'ONEM n'a pas encore reçue (brouillon, ou ajoutée depuis la demande de complément)",
          parameters: attachmentParams,
          responses: {
            "200": ok("id, version"),
            ...errors(401, 403, 404, 409, 422),
          },
        },
      },
      "/api/c607/requests/{id}/history": {
        get: {
          tags: ["Lecture"],
          summary: "Historique (chaque changement, auteur, date)",
          parameters: [idParam],
          responses: { "200": ok("evenements[]"), ...errors(401, 403, 404) },
        },
      },
      "/api/c607/requests/{id}/take": command("Prendre en traitement", ZVersionOnly, "ONEM"),
      "/api/c607/requests/{id}/complement": command("Demander un complément au CPAS", ZRequestComplement, "ONEM"),
      "/api/c607/requests/{id}/derogation": command("Accepter ou refuser la dérogation", ZDecideDerogation, "ONEM"),
      "/api/c607/requests/{id}/calculate": command("Calculer (proposition expliquée pas à pas)", ZVersionOnly, "ONEM"),
      "/api/c607/requests/{id}/answer": command("Répondre : valider la proposition ou un autre chiffre avec motif", ZAnswerRequest, "ONEM"),
    },
    components: {
      schemas: { Erreur: error },
      securitySchemes: {
        jeton: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "cpas_<43 caractères base64url>",
          description:
            "Jeton d'API personnel d'un utilisateur technique (page /jetons), affiché une seule fois. Refusé (401) s'il est révoqué, si son titulaire est bloqué ou n'est plus utilisateur technique, ou hors des heures et réseaux du centre. Pas de contrôle d'origine (aucun cookie).",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "Session du portail (navigateur, `__Secure-next-auth.session-token` en HTTPS). Les appels qui modifient doivent venir de l'origine du portail (protection CSRF).",
        },
      },
    },
  };
}
