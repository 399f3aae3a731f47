// The groups the security advisor filters by (issue 6) and the French label of each audit action.
// A group matches exact action names and/or prefixes; "policy.*" events come from the network and
// hours policy, whatever their exact names.

export type EventGroup = { label: string; actions?: readonly string[]; prefixes?: readonly string[] };

export const EVENT_GROUPS = {
  connexions: { label: "Connexions", actions: ["auth.sign_in", "auth.totp_enrolled", "auth.recovery_code_used"] },
  echecs: { label: "Échecs de connexion", actions: ["auth.sign_in_failed", "auth.sign_in_refused"] },
  verrouillages: { label: "Verrouillages", actions: ["auth.lockout"] },
  politique: { label: "Violations de politique", prefixes: ["policy."] },
  acces: { label: "Changements de rôles et droits", prefixes: ["access."] },
  canaux: { label: "Canaux techniques, mandats et dépôts", prefixes: ["channel.", "mandate.", "batch."] },
  exports: { label: "Exports et registre de chiffrement", prefixes: ["forem.", "c607.", "attestation.", "file_exchange.", "security_log."] },
  sessions: { label: "Sessions", actions: ["auth.sign_out", "auth.session_ended"], prefixes: ["session."] },
} as const satisfies Record<string, EventGroup>;

export type EventGroupCode = keyof typeof EVENT_GROUPS;
export const EVENT_GROUP_CODES = Object.keys(EVENT_GROUPS) as [EventGroupCode, ...EventGroupCode[]];

const LABELS: Record<string, string> = {
  "auth.sign_in": "Connexion",
  "auth.sign_in_failed": "Échec de connexion",
  "auth.sign_in_refused": "Connexion refusée",
  "auth.lockout": "Verrouillage du compte",
  "auth.sign_out": "Déconnexion",
  "auth.session_ended": "Fin de session",
  "auth.totp_enrolled": "Double authentification activée",
  "auth.recovery_code_used": "Code de récupération utilisé",
  "session.person_sessions_ended": "Toutes les sessions d'une personne fermées",
  "security_log.exported": "Export du journal de sécurité",
  "access.quality_activated": "Qualité activée",
  "access.quality_deactivated": "Qualité désactivée",
  "access.quality_email_changed": "E-mail de la qualité modifié",
  "access.dpd_set": "DPD désigné",
  "access.gl_designated": "Gestionnaire local désigné",
  "access.co_rae_designated": "co-RAE désigné",
  "access.co_gl_designated": "co-GL désigné",
  "access.co_gl_removed": "co-GL retiré",
  "access.technical_user_designated": "Utilisateur technique désigné",
  "access.technical_user_removed": "Utilisateur technique retiré",
  "access.subdivision_created": "Subdivision créée",
  "access.subdivision_manager_designated": "Gestionnaire de subdivision désigné",
  "access.user_invited": "Utilisateur invité",
  "access.invitation_accepted": "Invitation acceptée",
  "access.right_granted": "Droit attribué",
  "access.right_revoked": "Droit retiré",
  "access.person_blocked": "Personne bloquée",
  "access.person_unblocked": "Personne débloquée",
  "access.review_started": "Revue des accès lancée",
  "access.review_decided": "Décision de revue des accès",
  "access.review_closed": "Revue des accès clôturée",
  "access.sod_rule_set": "Règle de séparation des tâches définie",
  "access.sod_rule_removed": "Règle de séparation des tâches retirée",
  "forem.file_built": "Fichier FOREM généré",
  "forem.transmission_recorded": "Transmission FOREM enregistrée",
  "attestation.created": "Attestation créée",
  "attestation.downloaded": "Attestation téléchargée",
  "channel.created": "Canal batch créé",
  "channel.services_changed": "Permissions d'un canal batch modifiées",
  "channel.deactivated": "Canal batch suspendu",
  "channel.reactivated": "Canal batch réactivé",
  "channel.portal_key_generated": "Clé SSH du portail générée pour un canal batch",
  "batch.deposited": "Envoi déposé sur le canal batch",
  "batch.deposit_failed": "Échec d'un dépôt sur le canal batch",
  "mandate.created": "Mandat enregistré",
  "mandate.revoked": "Mandat révoqué",
  "file_exchange.sent": "Fichier envoyé (FileExchange)",
  "file_exchange.downloaded": "Fichier téléchargé (FileExchange)",
  "file_exchange.settings_changed": "Partenaires FileExchange ou délai de conservation modifiés",
  "file_exchange.purged": "Fichier supprimé à la fin du délai de conservation (FileExchange)",
  "contract.created": "Contrat créé",
  "contract.updated": "Contrat modifié",
  "contract.imported": "Contrats importés",
  "worker.created": "Travailleur créé",
  "worker.updated": "Travailleur modifié",
  "worker.renamed": "Travailleur renommé",
  "c607.created": "Demande C60.7 créée",
  "c607.updated": "Demande C60.7 modifiée",
  "c607.attachment_added": "Pièce jointe C60.7 ajoutée",
  "c607.attachment_removed": "Pièce jointe C60.7 retirée",
  "c607.sent": "Demande C60.7 envoyée à l'ONEM",
  "c607.taken": "Demande C60.7 prise en charge par l'ONEM",
  "c607.complement_requested": "Complément C60.7 demandé",
  "c607.derogation_accepted": "Dérogation C60.7 acceptée",
  "c607.derogation_refused": "Dérogation C60.7 refusée",
  "c607.calculated": "Demande C60.7 calculée",
  "c607.answered": "Réponse C60.7",
  "c607.copied": "Demande C60.7 copiée",
};

/** The French label of an action; an unknown one keeps its code (never hidden). */
export function actionLabel(action: string): string {
  const known = LABELS[action];
  if (known) return known;
  if (action.startsWith("policy.")) return `Violation de politique (${action.slice("policy.".length)})`;
  return action;
}
