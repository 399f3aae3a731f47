// The same words for an unknown account, a wrong password, a blocked or a locked account:
// the page must not tell an attacker which e-mail addresses exist (issue 2).
export const SIGN_IN_FAILED =
  "Identifiant ou mot de passe incorrect, ou compte temporairement verrouillé. Réessayez dans quelques minutes ou contactez votre gestionnaire local.";
export const CODE_FAILED = "Code incorrect ou déjà utilisé. Saisissez le code affiché maintenant dans votre application.";
export const CHALLENGE_EXPIRED = "Votre connexion a expiré. Recommencez en saisissant votre mot de passe.";
