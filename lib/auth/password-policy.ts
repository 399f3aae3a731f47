// BCSS telework measures (seed 002): 12 characters with upper case, lower case, digits and a
// special character. Checked on the server whenever a password is set; the form shows the same list.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256; // argon2 hashes anything, but a megabyte "password" is an attack

export type PasswordRule = { id: string; label: string; test: (p: string) => boolean };

export const PASSWORD_RULES: PasswordRule[] = [
  { id: "length", label: `Au moins ${PASSWORD_MIN_LENGTH} caractères`, test: (p) => [...p].length >= PASSWORD_MIN_LENGTH },
  { id: "upper", label: "Une lettre majuscule", test: (p) => /\p{Lu}/u.test(p) },
  { id: "lower", label: "Une lettre minuscule", test: (p) => /\p{Ll}/u.test(p) },
  { id: "digit", label: "Un chiffre", test: (p) => /\d/.test(p) },
  { id: "special", label: "Un caractère spécial (par exemple ! ? @ # - _)", test: (p) => /[^\p{L}\p{N}\s]/u.test(p) },
];

export function checkPasswordPolicy(password: string, context: { email?: string } = {}): string[] {
  if (password.length > PASSWORD_MAX_LENGTH) return [`Le mot de passe ne peut dépasser ${PASSWORD_MAX_LENGTH} caractères.`];
  const errors = PASSWORD_RULES.filter((r) => !r.test(password)).map((r) => `Il manque : ${r.label.toLowerCase()}.`);
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    errors.push("Le mot de passe ne peut pas contenir votre identifiant.");
  }
  return errors;
}
