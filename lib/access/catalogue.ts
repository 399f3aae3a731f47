import type { QualityType } from "@/lib/generated/prisma/enums";

// Application catalogue and access rights of seed 003 ("Les applications", "Accès aux applications").
// Codes are stable identifiers used by the permission table; names are the seed's French labels.

export const APPLICATIONS = [
  { code: "BECONNECTED", name: "BeConnected", description: "Espace de travail destiné à la collaboration entre les professionnels du secteur social." },
  {
    code: "GESTION_ACCES",
    name: "Gestion des accès",
    description: "Créez et gérez des comptes utilisateurs, définissez des destinataires et le format des tâches au sein de votre entreprise.",
  },
  { code: "INFOCENTRE", name: "Infocentre", description: "Permet de générer des statistiques sur les domaines d'application du SPP-IS." },
  { code: "IRIS", name: "IRIS - Consultation des loggings de sécurité", description: "Application destinée aux conseillers en sécurité des ISS." },
  { code: "LISTE_CODES", name: "Liste des codes", description: "Consulter la liste des codes de la sécurité sociale." },
  { code: "MATCH_IT", name: "Match-It", description: "Gérez les données des places d'accueil et des résidents de votre initiative locale d'accueil." },
  { code: "MYHANDICAP", name: "MyHandicap", description: "Introduction de demande et consultation de dossiers de personne handicapée." },
  { code: "PRIMAWEB", name: "Primaweb", description: "Introduire, modifier ou consulter un dossier auprès du SPP Intégration Sociale." },
  { code: "RAPPORT_UNIQUE", name: "Rapport unique", description: "Rendre un rapport sur les subventions qui ont été octroyées au cours de l'année passée." },
  {
    code: "TYPE_MUTATIONS",
    name: "Type de mutations et informations du CPAS",
    description: "Sélection des types de mutations à recevoir. Informations générales des fournisseurs du CPAS.",
  },
  { code: "EBOX", name: "e-Box", description: "La boîte aux lettres électronique sécurisée de votre entreprise." },
  { code: "FILE_EXCHANGE", name: "FileExchange", description: "Échange de documents avec les partenaires." },
  { code: "C607", name: "Demandes C60.7 (CPAS@ONEM)", description: "Demandes de calcul du nombre de jours de travail (article 60 §7)." },
  { code: "FSE", name: "FSE", description: "Traitement des projets présentés par les CPAS (FSE)." },
  // Seed 004: Chaman, where the batch channel of a quality is configured.
  { code: "CHAMAN", name: "Chaman - Gestion des canaux techniques", description: "Configurer les canaux batch (SFTP, FTP) et les mandats de la qualité." },
] as const;

export type ApplicationCode = (typeof APPLICATIONS)[number]["code"];

/**
 * Where each application lives: the qualities under which its rights may be granted and count.
 * Seed 003 lists the CPAS applications and their rights under « CPAS & SPP Intégration Sociale »,
 * i.e. the quality Action Sociale of a CPAS; seed 004 has « Gestion des canaux techniques » (Chaman)
 * granted « sous la bonne qualité », the employer quality Employeur ONSS. « Gestion des accès » is
 * the access management itself: no right of it is ever granted. A right granted under any other
 * quality gives nothing, and a GL's « accès à toutes les applications dans sa qualité » covers only
 * the applications that live in that quality.
 */
export const APPLICATION_QUALITIES: Record<ApplicationCode, readonly QualityType[]> = {
  BECONNECTED: ["ACTION_SOCIALE"],
  GESTION_ACCES: [],
  INFOCENTRE: ["ACTION_SOCIALE"],
  IRIS: ["ACTION_SOCIALE"],
  LISTE_CODES: ["ACTION_SOCIALE"],
  MATCH_IT: ["ACTION_SOCIALE"],
  MYHANDICAP: ["ACTION_SOCIALE"],
  PRIMAWEB: ["ACTION_SOCIALE"],
  RAPPORT_UNIQUE: ["ACTION_SOCIALE"],
  TYPE_MUTATIONS: ["ACTION_SOCIALE"],
  EBOX: ["ACTION_SOCIALE"],
  FILE_EXCHANGE: ["ACTION_SOCIALE"],
  C607: ["ACTION_SOCIALE"],
  FSE: ["ACTION_SOCIALE"],
  CHAMAN: ["EMPLOYEUR_ONSS"],
};

export const ACCESS_RIGHTS = [
  { code: "AGENT_SOCIAL", name: "Agent Social", description: "Agent Social du CPAS", app: "PRIMAWEB" },
  { code: "CONSULTATION_CTMS", name: "Consultation CTMS", description: "Consultation des listes des codes BCSS et Registre National", app: "LISTE_CODES" },
  { code: "EBOX_INSTITUTION", name: "e-Box de l'institution", description: "Utilisateur des communications internes protégés", app: "EBOX" },
  {
    code: "EBOX_PRIVILEGIE",
    name: "e-Box Utilisateur privilégié",
    description: "Autoriser l'utilisateur à supprimer et réinjecter tous les documents auxquels il a accès dans l'e-Box de son entreprise.",
    app: "EBOX",
  },
  {
    code: "FILE_EXCHANGE",
    name: "FileExchange",
    description: "Consultation des documents reçus, envoi de documents à un partenaire et visualisation de la liste des documents envoyés.",
    app: "FILE_EXCHANGE",
  },
  { code: "GESTION_PRIMAWEB", name: "Gestion Primaweb", description: "Gestion des profils de Primaweb", app: "PRIMAWEB" },
  { code: "HANDIWEB", name: "Handiweb", description: "Accès au dossier d'une personne avec un handicap", app: "MYHANDICAP" },
  { code: "MATCHIT_GESTIONNAIRE", name: "Match-It Gestionnaire des résidents ILA", description: "Match-It Gestionnaire des résidents ILA", app: "MATCH_IT" },
  { code: "MATCHIT_LECTURE", name: "Match-It Lecture seule", description: "Match-It Lecture seule", app: "MATCH_IT" },
  {
    code: "MYHANDICAP",
    name: "MyHandicap",
    description: "MyHandicap : consultation de dossiers et introduction de demandes de personnes handicapées",
    app: "MYHANDICAP",
  },
  { code: "MYHANDICAP_CPAS", name: "MyHandicap - CPAS", description: "Accès des CPAS à l'application MyHandicap", app: "MYHANDICAP" },
  { code: "POINT_CONTACT_PARTENAIRES", name: "Point de contact pour partenaires", description: "Introduction d'une plainte transférée au SIRS", app: null },
  {
    code: "FSE_AGENT_ADMINISTRATIF",
    name: "Rôle - Agent administratif FSE",
    description: "Agent administratif de l'application de traitement de projets présentés par les CPAS (FSE)",
    app: "FSE",
  },
  { code: "CONSEILLER_SECURITE", name: "Rôle - Conseiller en sécurité (Audit)", description: "Consultation login de sécurité (IRIS)", app: "IRIS" },
  {
    code: "RU_MEMBRE_PERSONNEL",
    name: "Rôle - Membre du personnel du CPAS",
    description: "Rapport unique des subventions octroyées par les CPAS",
    app: "RAPPORT_UNIQUE",
  },
  { code: "RU_PRESIDENT", name: "Rôle - Président du CPAS", description: "Rapport unique des subventions octroyées par les CPAS", app: "RAPPORT_UNIQUE" },
  {
    code: "FSE_RESPONSABLE",
    name: "Rôle - Responsable FSE",
    description: "Responsable de l'application de traitement de projets présentés par les CPAS (FSE)",
    app: "FSE",
  },
  { code: "RU_SECRETAIRE", name: "Rôle - Secrétaire du CPAS", description: "Rapport unique des subventions octroyées par les CPAS", app: "RAPPORT_UNIQUE" },
  // Seed 004: given by the GL of « Employeur ONSS » in the access management.
  {
    code: "GESTION_CANAUX_TECHNIQUES",
    name: "Gestion des canaux techniques",
    description: "Accès à Chaman : canaux batch et mandats de la qualité",
    app: "CHAMAN",
  },
] as const;

export type RightCode = (typeof ACCESS_RIGHTS)[number]["code"];

/** The qualities where a right may be granted and counts (its application's, see APPLICATION_QUALITIES). */
export function qualitiesOfRight(code: RightCode): readonly QualityType[] {
  const right = ACCESS_RIGHTS.find((r) => r.code === code);
  if (!right) return [];
  // « Point de contact pour partenaires » has no application of its own; seed 003 lists it with the CPAS rights.
  return right.app ? APPLICATION_QUALITIES[right.app] : ["ACTION_SOCIALE"];
}

export const rightLivesIn = (code: RightCode, type: QualityType): boolean => qualitiesOfRight(code).includes(type);

export const RAPPORT_UNIQUE_RIGHTS: RightCode[] = ["RU_MEMBRE_PERSONNEL", "RU_PRESIDENT", "RU_SECRETAIRE"];

export const QUALITY_LABELS = {
  ACTION_SOCIALE: "Action Sociale",
  AIDE_JEUNESSE: "Aide à la jeunesse",
  EMPLOYEUR_ONSS: "Employeur ONSS",
  EMPLOYEUR_PPL: "Employeur PPL",
  MARCHES_PUBLICS: "Marchés publics",
  SOINS_SANTE_RESIDENTIEL: "Soins de santé résidentiel",
  SOINS_SANTE: "Soins de santé",
  SECURITE_SOCIALE: "Sécurité Sociale",
  EHEALTH_SOINS_SANTE: "eHealth Soins de Santé",
} as const;

export const ROLE_LABELS = {
  RAE: "RAE (Responsable d'Accès Entité)",
  CO_RAE: "co-RAE",
  GL: "Gestionnaire local (GL)",
  CO_GL: "co-Gestionnaire local (co-GL)",
  SUBDIVISION_MANAGER: "Gestionnaire de subdivision",
  SUBDIVISION_CO_MANAGER: "co-Gestionnaire de subdivision",
  TECHNICAL_USER: "Utilisateur technique",
  ONEM_COLLABORATOR: "Collaborateur ONEM",
  SPPIS_COLLABORATOR: "Collaborateur SPP IS",
} as const;
