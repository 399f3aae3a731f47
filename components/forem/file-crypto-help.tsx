import { opensslDecryptCommand } from "./crypto-result";

const ENCRYPT_COMMAND = "openssl aes-256-cbc -e -salt -pbkdf2 -iter 10000 -in fichier.xlsx -out fichier.xlsx.enc";

/** Static explanations (seed 000): rendered on the server, no script needed to read them. */
export function FileCryptoIntro() {
  return (
    <div className="space-y-2 text-sm text-slate-700">
      <p data-testid="local-uniquement">
        <strong>Tout se passe dans votre navigateur</strong> : le fichier et le mot de passe ne sont jamais envoyés au portail ni à un autre serveur. Le fichier
        est chiffré en AES-256 dans un format compatible avec OpenSSL.
      </p>
      <p>
        Si vous oubliez le mot de passe, le fichier chiffré ne peut plus être récupéré : conservez l&apos;original jusqu&apos;à ce que le destinataire
        l&apos;ait bien reçu et ouvert.
      </p>
    </div>
  );
}

export function FileCryptoHelp() {
  return (
    <section aria-labelledby="envoi-titre" className="rounded-lg border border-slate-200 bg-white p-6 text-sm shadow-sm">
      <h2 id="envoi-titre" className="text-lg font-semibold text-slate-900">
        Envoyer un fichier chiffré à un partenaire
      </h2>
      <ol className="mt-3 list-decimal space-y-2 pl-5">
        <li>
          Chiffrez le fichier ci-dessus (par exemple la liste Impulsion <code>fichier.xlsx</code>) : vous obtenez <code>fichier.xlsx.enc</code>.
        </li>
        <li>Envoyez ce fichier .enc par e-mail au partenaire (par exemple FOREM Impulsion : impulsions@forem.be).</li>
        <li>
          Transmettez le mot de passe par un <strong>autre canal</strong> (téléphone, SMS…), jamais dans l&apos;e-mail qui contient le fichier.
        </li>
        <li>
          Le partenaire déchiffre avec OpenSSL (version 1.1.1 ou plus récente), qui lui demande le mot de passe :
          <code className="mt-1 block overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs">
            {opensslDecryptCommand("fichier.xlsx.enc", "fichier.xlsx")}
          </code>
        </li>
      </ol>
      <p className="mt-4">Un fichier reçu, chiffré par le partenaire avec la commande suivante, se déchiffre sur cette page avec le mode « Déchiffrer » :</p>
      <code className="mt-1 block overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs">{ENCRYPT_COMMAND}</code>
      <p className="mt-4 text-slate-700">
        Le format ne contient aucun contrôle d&apos;intégrité : un mauvais mot de passe n&apos;est détecté qu&apos;environ 255 fois sur 256, et un fichier
        modifié en chemin peut passer inaperçu. Le destinataire vérifie donc que le fichier s&apos;ouvre et que son contenu est cohérent.
      </p>
    </section>
  );
}
