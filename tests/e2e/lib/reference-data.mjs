// The reference data every e2e cluster holds (tests/e2e/fixtures/reference_data.sql, loaded by
// cluster.mjs once the certificate service has migrated): the codes the tests issue against.
// Change the two files together.

/** Awarding bodies (registry codes). X and Y may award every active standard below but PAGAR-4 and KATUSEKATJA-4. */
export const kBodyX = '80012345';
export const kBodyY = '80054321';
/** May award PAGAR-4 only. */
export const kBakersBody = '80011111';
/** Inactive, though it still holds a right to KEEVITAJA-4. */
export const kClosedBody = '80077777';

/** Active standards that bodies X and Y may award: code -> [name_et, EstQF level, validity years or null]. */
export const kStandards = {
  'EHITUSJUHT-4': ['Ehitusjuht, tase 4', 4, 5],
  'EHITUSJUHT-5': ['Ehitusjuht, tase 5', 5, 5],
  'EHITUSJUHT-6': ['Ehitusjuht, tase 6', 6, 5],
  'KEEVITAJA-2': ['Keevitaja, tase 2', 2, 5],
  'KEEVITAJA-3': ['Keevitaja, tase 3', 3, 5],
  'KEEVITAJA-4': ['Keevitaja, tase 4', 4, 5],
  'KEEVITAJA-5': ['Keevitaja, tase 5', 5, 5],
  'KOKA-ABI-2': ['Koka abi, tase 2', 2, 5],
  'KOKK-2': ['Kokk, tase 2', 2, 5],
  'KOKK-3': ['Kokk, tase 3', 3, 5],
  'KOKK-4': ['Kokk, tase 4', 4, 5],
  'KOKK-5': ['Kokk, tase 5', 5, 5],
  'LUKKSEPP-3': ['Lukksepp, tase 3', 3, 5],
  'MUURSEPP-3': ['Müürsepp, tase 3', 3, 5],
  'MUURSEPP-4': ['Müürsepp, tase 4', 4, null],
  'PLAATIJA-3': ['Plaatija, tase 3', 3, 5],
  'PLAATIJA-4': ['Plaatija, tase 4', 4, 5],
  'PLEKKSEPP-4': ['Plekksepp, tase 4', 4, 5],
  'TARKVARAARENDAJA-6': ['Tarkvaraarendaja, tase 6', 6, 5],
};
/** Every code of kStandards, in code order (what the tests cycle through for distinct certificates). */
export const kStandardCodes = Object.keys(kStandards).sort();

/** KEEVITAJA-4's specialisations, partial qualifications and competences: code -> name_et. */
export const kWelder4 = {
  code: 'KEEVITAJA-4',
  specialisations: { MAG: 'Metallaktiivgaaskeevitus', TIG: 'Volframelektroodiga inertgaaskeevitus' },
  partialQualifications: { 'KEEV-MAG': 'Metallaktiivgaaskeevitaja', 'KEEV-TIG': 'TIG-keevitaja' },
  competences: { K1: 'Keevitustööde ettevalmistamine', K2: 'Keevitamine', K3: 'Keevisõmbluste kontroll' },
};
/** Open-ended: certificates of it have no valid_until unless one is given. */
export const kOpenEndedStandard = 'MUURSEPP-4';
/** Active, awarded by kBakersBody only. */
export const kBakersStandard = 'PAGAR-4';
/** Body X's right ended on kRoofersRightEnded and starts again on kRoofersRightStarts. */
export const kRoofersStandard = 'KATUSEKATJA-4';
export const kRoofersRightEnded = '2020-12-31';
export const kRoofersRightStarts = '2031-01-01';
/** Inactive, though body X holds a right to it. */
export const kInactiveStandard = 'VANA-MEISTER-5';

/** valid_from + years - 1 day, as YYYY-MM-DD (how a certificate's end follows from its standard). */
export function validityEnd(validFrom, years) {
  if (years === null || years === undefined) return null;
  const [y, m, d] = validFrom.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d) - 86400000);
  return end.toISOString().slice(0, 10);
}

/** The register's today (in Estonia) plus offsetDays, as YYYY-MM-DD. */
export function isoDay(offsetDays = 0) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn', year: 'numeric', month: '2-digit', day: '2-digit' });
  return day.format(new Date(Date.now() + offsetDays * 86400000));
}
