// The contract checks can fail: each is run on a broken copy of what it checks, and must exit
// non-zero and name the problem. ctest: contract.checks_fail.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kutse-checks-fail-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function write(relative, text) {
  const file = path.join(scratch, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('clang-format and shellcheck', () => {
  test('check-clang-format.sh fails on a badly formatted file and names it', () => {
    const file = write('bad_format.cpp', 'int  main( ){return 0 ;}\n');
    const { status, output } = run('bash', [path.join(here, 'check-clang-format.sh'), file]);
    assert.equal(status, 1, output);
    assert.match(output, /bad_format\.cpp:1:\d+: error: code should be clang-formatted/);
  });

  test('check-clang-format.sh passes a well formatted file', () => {
    const file = write('good_format.cpp', 'int main() { return 0; }\n');
    const { status, output } = run('bash', [path.join(here, 'check-clang-format.sh'), file]);
    assert.equal(status, 0, output);
  });

  test('check-shellcheck.sh fails on a script with an unquoted variable and names it', () => {
    const file = write('bad.sh', '#!/usr/bin/env bash\nrm -f $1\n');
    const { status, output } = run('bash', [path.join(here, 'check-shellcheck.sh'), file]);
    assert.equal(status, 1, output);
    assert.match(output, /bad\.sh line 2:/);
    assert.match(output, /SC2086/);
  });

  test('check-shellcheck.sh passes a clean script', () => {
    const file = write('good.sh', '#!/usr/bin/env bash\nrm -f -- "$1"\n');
    const { status, output } = run('bash', [path.join(here, 'check-shellcheck.sh'), file]);
    assert.equal(status, 0, output);
  });
});
