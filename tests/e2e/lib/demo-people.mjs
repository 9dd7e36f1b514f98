// The demo people of the README, read from the file the local TARA stand-in signs them in from
// (deploy/local/oidc-provider/demo-people.json), so a test's people are the README's people and can
// sign in. The awarding bodies they work for are in reference-data.mjs (kBodyX, kBodyY).
//
//   import { kOie, kKadri } from './lib/demo-people.mjs';
//   kOie.personal_code, kOie.name          // '49102030219', 'Õie Šmidt'
//   identityHeader({ ...kKadri, roles: [`clerk:${kBodyX}`] })
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../deploy/local/oidc-provider/demo-people.json',
);
const kPeople = JSON.parse(fs.readFileSync(kFile, 'utf8')).people;

function person(personalCode) {
  const found = kPeople.find((p) => p.personal_code === personalCode);
  if (!found) throw new Error(`${personalCode} is not in ${kFile}`);
  return Object.freeze({ personal_code: found.personal_code, name: `${found.given_name} ${found.family_name}` });
}

/** Holder: welder level 4 (valid, published) and level 3 (expired) in the demo data. */
export const kOie = person('49102030219');
/** Holder: construction manager, a bricklayer replaced by a duplicate, a 1998 certificate. */
export const kJuri = person('36805280109');
/** Holder: software developer and a partial-qualification certificate. */
export const kMari = person('60001019906');
/** Clerk of body X (80012345) once an admin grants it. */
export const kKadri = person('38001085718');
/** Clerk of body Y (80054321) once an admin grants it. */
export const kToomas = person('37605030064');
/** The register keeper's first admin, from configuration (KUTSE_BOOTSTRAP_ADMINS). */
export const kAnne = person('47302200234');
/** Holder: an invalidated and an annulled certificate. */
export const kMihkel = person('50101010620');
