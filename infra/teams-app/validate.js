#!/usr/bin/env node
// Validates a filled manifest.json and its localization files against the schemas that npm
// @microsoft/app-manifest ships (offline: the package fetches $schema URLs, we read its copies).
// Usage: node validate.js <dir with manifest.json>
'use strict';
const fs = require('fs');
const path = require('path');

const tools = path.resolve(__dirname, '../tools/node_modules');
const need = (name) => {
  try { return require(path.join(tools, name)); } catch {
    console.error(`validate.js: ${name} is missing; run (cd infra/tools && npm ci) first`);
    process.exit(2);
  }
};
const Ajv = need('ajv-draft-04');
const addFormats = need('ajv-formats');

const dir = path.resolve(process.argv[2] || __dirname);
const read = (file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const manifest = read('manifest.json');
const schemas = path.join(tools, '@microsoft/app-manifest/build/json-schemas/teams', `v${manifest.manifestVersion}`);
if (!fs.existsSync(schemas)) {
  console.error(`validate.js: no schema for manifestVersion ${manifest.manifestVersion} in ${schemas}`);
  process.exit(1);
}

// strict: false: the schemas declare draft-04 yet use "const" (draft-06); unicodeRegExp: false:
// the localization schema has a pattern with an unescaped "]" that only non-unicode regexes accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
let failed = false;
const check = (schemaFile, file, doc) => {
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, schemaFile), 'utf8')));
  if (validate(doc)) return;
  failed = true;
  for (const e of validate.errors) console.error(`${file}${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`);
};

check('MicrosoftTeams.schema.json', 'manifest.json', manifest);
for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
  check('MicrosoftTeams.Localization.schema.json', language.file, read(language.file));
}
const leftover = JSON.stringify(manifest).match(/{{\w+}}/g);
if (leftover) { failed = true; console.error(`manifest.json: unfilled placeholders ${[...new Set(leftover)].join(', ')}`); }
if (failed) process.exit(1);
console.log(`manifest.json valid against Teams app manifest schema v${manifest.manifestVersion}`);
