import type { RightCode } from "@/lib/access/catalogue";
import type { RoleKind } from "@/lib/generated/prisma/enums";

// Demo data: "CPAS de Démo" with one account per role of seed 003, a second CPAS (isolation) and
// an ONEM collaborator and an SPP IS collaborator (Rapport unique). Every account starts without TOTP: the first sign-in enrols it.
export const DEMO_PASSWORD = "Demo-Portail-2026!";

export const DEMO_ACCOUNTS = [
  { email: "rae@demo.cpas.be", firstName: "Anne", lastName: "Renard", label: "RAE", role: "RAE" },
  { email: "co-rae@demo.cpas.be", firstName: "Benoît", lastName: "Collard", label: "co-RAE", role: "CO_RAE" },
  { email: "dpd@demo.cpas.be", firstName: "Claire", lastName: "Dumont", label: "GL Action Sociale (DPD)", role: "GL" },
  { email: "co-gl@demo.cpas.be", firstName: "David", lastName: "Lemaire", label: "co-GL Action Sociale", role: "CO_GL" },
  { email: "subdivision@demo.cpas.be", firstName: "Emma", lastName: "Martin", label: "Gestionnaire de subdivision", role: "SUBDIVISION_MANAGER" },
  { email: "agent@demo.cpas.be", firstName: "Fatima", lastName: "Benali", label: "Agent social", right: "AGENT_SOCIAL" },
  { email: "technique@demo.cpas.be", firstName: "Gilles", lastName: "Noël", label: "Utilisateur technique", role: "TECHNICAL_USER" },
  { email: "president@demo.cpas.be", firstName: "Hélène", lastName: "Piret", label: "Président du CPAS", right: "RU_PRESIDENT" },
  { email: "secretaire@demo.cpas.be", firstName: "Ivan", lastName: "Servais", label: "Secrétaire du CPAS", right: "RU_SECRETAIRE" },
  { email: "personnel@demo.cpas.be", firstName: "Julie", lastName: "Masson", label: "Membre du personnel du CPAS", right: "RU_MEMBRE_PERSONNEL" },
  { email: "securite@demo.cpas.be", firstName: "Karim", lastName: "Aydin", label: "Conseiller en sécurité (Audit)", right: "CONSEILLER_SECURITE" },
  { email: "rae@tilleul.cpas.be", firstName: "Luc", lastName: "Tilman", label: "RAE d'un autre CPAS", role: "RAE", other: true },
  { email: "agent@tilleul.cpas.be", firstName: "Marie", lastName: "Tasiaux", label: "Agent social d'un autre CPAS", right: "AGENT_SOCIAL", other: true },
  { email: "onem@demo.onem.be", firstName: "Nora", lastName: "Van Damme", label: "Collaboratrice ONEM", role: "ONEM_COLLABORATOR", onem: true },
  {
    email: "sppis@demo.mi-is.be",
    firstName: "Olivier",
    lastName: "Peeters",
    label: "Collaborateur SPP IS (Rapport unique)",
    role: "SPPIS_COLLABORATOR",
    sppis: true,
  },
] as const satisfies readonly {
  email: string;
  firstName: string;
  lastName: string;
  label: string;
  role?: RoleKind;
  right?: RightCode;
  other?: boolean;
  onem?: boolean;
  sppis?: boolean;
}[];
