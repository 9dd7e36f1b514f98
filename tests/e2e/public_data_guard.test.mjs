// e2e.public_data_guard: the suite-wide guard in lib/contract.mjs that fails any test whose public
// answer (/api/v1/public/...) shows a personal code or a date of birth. This file shows that the
// guard itself catches what it must and lets ordinary answers through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { personalDataInPublicAnswer } from './lib/contract.mjs';

describe('public data guard', () => {
  it('finds a valid personal code anywhere in a public answer, and members named like one', () => {
    assert.deepEqual(personalDataInPublicAnswer('{"items":[{"note":"49102030219"}]}'), ['the personal code 49102030219']);
    assert.equal(personalDataInPublicAnswer('{"holder_personal_code":"x"}').length, 1);
    assert.equal(personalDataInPublicAnswer('{"date_of_birth":"x"}').length, 1);
  });

  it('lets through numbers that are not personal codes, and random trace ids', () => {
    assert.deepEqual(personalDataInPublicAnswer('{"number":"K-000123","registry_code":"80012345"}'), []);
    assert.deepEqual(personalDataInPublicAnswer('{"n":"49102030218"}'), [], 'a wrong check digit is not a code');
    assert.deepEqual(personalDataInPublicAnswer('{"n":"491020302190"}'), [], 'twelve digits are not a code');
    assert.deepEqual(personalDataInPublicAnswer('{"trace_id":"ab49102030219cd"}'), []);
  });
});
