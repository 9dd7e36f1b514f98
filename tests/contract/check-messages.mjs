#!/usr/bin/env node
// Checks the message texts (ctest: contract.messages; ADR 0004):
//  1. every libs/*/messages/ and services/*/messages/ folder holds et.json and en.json (more
//     languages may join), each one flat JSON object of key -> text;
//  2. within a folder every language has the same keys, and each key the same {placeholders};
//  3. no key is defined in two folders (a key belongs to one library or service);
//  4. every key the C++ sources name with Msg("...") exists, and every defined key is used: by
//     Msg("..."), as a string literal of its own (a table of keys), or as problem.<code> for each
//     problem code of libs/http/src/problem.cpp;
//  5. every problem code of that table is listed in openapi.yaml's table of error codes.
// A fixture under tests/contract/fixtures/messages/ shows the checks catch what they should.
// Exits 1 on any failure. Runnable from anywhere: node tests/contract/check-messages.mjs
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

function walk(dir, found = []) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, found);
    else found.push(full);
  }
  return found;
}

const placeholders = (text) => [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort().join(',');

// The string literals a Msg(...) call names: the first argument, including both sides of a ternary.
export function usedKeys(source) {
  const keys = new Set();
  for (const match of source.matchAll(/\bMsg\(/g)) {
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < source.length; end += 1) {
      const c = source[end];
      if (c === '(' || c === '{') depth += 1;
      else if (c === ')' || c === '}') {
        if (depth === 0) break;
        depth -= 1;
      } else if (c === ',' && depth === 0) break;
    }
    for (const literal of source.slice(match.index + match[0].length, end).matchAll(/"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"/g)) {
      keys.add(literal[1]);
    }
  }
  return keys;
}

// Checks a tree; returns the problems found.
export function checkTree(root) {
  const problems = [];
  const folders = [];
  for (const top of ['libs', 'services']) {
    const base = path.join(root, top);
    if (!existsSync(base)) continue;
    for (const owner of readdirSync(base)) {
      const folder = path.join(base, owner, 'messages');
      if (existsSync(folder)) folders.push({ owner: `${top}/${owner}`, folder });
    }
  }
  const defined = new Map(); // key -> owner
  for (const { owner, folder } of folders) {
    const texts = {};
    for (const language of ['et', 'en']) {
      if (!existsSync(path.join(folder, `${language}.json`))) problems.push(`${owner}/messages: no ${language}.json`);
    }
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      const language = file.replace(/\.json$/, '');
      let parsed;
      try {
        parsed = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
      } catch (error) {
        problems.push(`${owner}/messages/${file}: not JSON (${error.message})`);
        continue;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        problems.push(`${owner}/messages/${file}: not one object`);
        continue;
      }
      for (const [key, text] of Object.entries(parsed)) {
        if (typeof text !== 'string' || text.trim() === '') problems.push(`${owner}/messages/${file}: ${key} is not a text`);
      }
      texts[language] = parsed;
    }
    const languages = Object.keys(texts);
    const keys = new Set(languages.flatMap((language) => Object.keys(texts[language])));
    for (const key of keys) {
      for (const language of languages) {
        if (!(key in texts[language])) problems.push(`${owner}/messages/${language}.json lacks ${key}`);
      }
      const shapes = new Set(languages.filter((l) => key in texts[l]).map((l) => placeholders(String(texts[l][key]))));
      if (shapes.size > 1) problems.push(`${owner}/messages: ${key} has other placeholders in another language`);
      if (defined.has(key) && defined.get(key) !== owner) problems.push(`${key} is defined by both ${defined.get(key)} and ${owner}`);
      defined.set(key, owner);
    }
  }
  const used = new Set();
  for (const top of ['libs', 'services']) {
    const base = path.join(root, top);
    if (!existsSync(base)) continue;
    for (const file of walk(base).filter((f) => /\.(cpp|hpp)$/.test(f))) {
      const source = readFileSync(file, 'utf8');
      for (const key of usedKeys(source)) {
        used.add(key);
        if (!defined.has(key)) problems.push(`${path.relative(root, file)} names ${key}, which no messages file defines`);
      }
      for (const literal of source.matchAll(/"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"/g)) {
        if (defined.has(literal[1])) used.add(literal[1]);
      }
    }
  }
  const problemSource = path.join(root, 'libs', 'http', 'src', 'problem.cpp');
  const problemCodes = existsSync(problemSource)
    ? [...new Set([...readFileSync(problemSource, 'utf8').matchAll(/\{"([a-z_]+)", StatusCode::/g)].map((m) => m[1]))]
    : [];
  for (const code of problemCodes) {
    used.add(`problem.${code}`);
    if (!defined.has(`problem.${code}`)) problems.push(`problem code ${code} has no title (problem.${code})`);
  }
  for (const key of defined.keys()) {
    if (!used.has(key)) problems.push(`${defined.get(key)} defines ${key}, which nothing uses`);
  }
  const openapi = path.join(root, 'openapi.yaml');
  if (existsSync(openapi)) {
    const text = readFileSync(openapi, 'utf8');
    for (const code of problemCodes) {
      if (!text.includes(`| \`${code}\` |`)) problems.push(`openapi.yaml's error codes do not list ${code}`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  const problems = checkTree(repoRoot);
  for (const problem of problems) console.error(`FAIL ${problem}`);
  failed ||= problems.length > 0;
  // The fixture is a small tree with one of each mistake: the checker must find all of them.
  const fixture = path.join(here, 'fixtures', 'messages');
  const expected = JSON.parse(readFileSync(path.join(fixture, 'expected-problems.json'), 'utf8'));
  const found = checkTree(path.join(fixture, 'tree'));
  for (const wanted of expected) {
    if (!found.some((problem) => problem.includes(wanted))) {
      console.error(`FAIL the fixture's mistake "${wanted}" was not reported (got: ${JSON.stringify(found)})`);
      failed = true;
    }
  }
  if (found.length !== expected.length) {
    console.error(`FAIL the fixture gave ${found.length} problems, expected ${expected.length}: ${JSON.stringify(found)}`);
    failed = true;
  }
  if (failed) process.exit(1);
  console.log(`messages: ${problems.length} problems in the repository; the fixture's ${expected.length} mistakes found`);
}
