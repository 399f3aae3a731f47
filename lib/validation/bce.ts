// Enterprise number (BCE/KBO): 10 digits, first 0 or 1, check = 97 − (first 8 digits mod 97).

export type BceCheck = { ok: true; digits: string } | { ok: false; message: string };

export function checkBce(input: string): BceCheck {
  const digits = input.replace(/[\s.]/g, "").replace(/^BE/i, "");
  if (!/^[01]\d{9}$/.test(digits)) {
    return { ok: false, message: "Le numéro d'entreprise doit compter 10 chiffres et commencer par 0 ou 1." };
  }
  const check = 97 - (Number(digits.slice(0, 8)) % 97);
  if (check !== Number(digits.slice(8))) {
    return { ok: false, message: "Le numéro d'entreprise est invalide (chiffres de contrôle incorrects)." };
  }
  return { ok: true, digits };
}

export function formatBce(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7, 10)}`;
}
