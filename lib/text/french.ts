// French elision before a name: « d'Emma Martin », « de Jean Dupont » (issue 11: « de Emma Martin »).
// A name starting with a vowel or a y elides; one starting with h does not (h aspiré or muet cannot
// be told from the spelling, and « de Hugo » reads correctly either way).
const ELIDES = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/** « de » or « d' » followed by the name. */
export function ofName(name: string): string {
  return ELIDES.test(name.trim()) ? `d'${name.trim()}` : `de ${name.trim()}`;
}
