// Regenerates the reference data files in libs/reference/data/ from the IATI codelists
// (shared/reference/iati-codelists, relative to the repo's parent) and, for ISO 3166-1 alpha-3
// codes and French/Spanish country names, the i18n-iso-countries package (a devDependency).
//
//   node scripts/reference/generate.mjs [--codelists <dir>] [--check]
//
// --check writes nothing and exits 1 when a data file would change (for CI).
// The output is deterministic: same codelists and package version, same bytes.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argValue = (flag) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const codelistDir = resolve(argValue('--codelists') ?? join(root, '../shared/reference/iati-codelists'));
const outDir = join(root, 'libs/reference/data');
const checkOnly = process.argv.includes('--check');

// ---------------------------------------------------------------------------------------------
// A tiny parser for the IATI codelist XML: <codelist xml:lang> → <codelist-item status?> with
// <code> and <name><narrative xml:lang?>. Nothing else in those files matters here.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text) {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
      if (name[0] === '#') {
        const n = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return String.fromCodePoint(n);
      }
      return ENTITIES[name] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads one codelist: its items with code, status and name narratives keyed by language. */
function readCodelist(name) {
  const file = join(codelistDir, `${name}.xml`);
  if (!existsSync(file)) throw new Error(`codelist not found: ${file} (use --codelists <dir>)`);
  const xml = readFileSync(file, 'utf8');
  const defaultLang = /<codelist\b[^>]*\sxml:lang="([^"]+)"/.exec(xml)?.[1] ?? 'en';
  const items = [];
  for (const [, attrs, body] of xml.matchAll(/<codelist-item\b([^>]*)>([\s\S]*?)<\/codelist-item>/g)) {
    const code = decode(/<code>([\s\S]*?)<\/code>/.exec(body)?.[1] ?? '');
    if (!code) throw new Error(`${name}.xml: an item has no <code>`);
    const status = /\sstatus="([^"]*)"/.exec(attrs)?.[1] ?? 'active';
    const names = {};
    const nameBlock = /<name>([\s\S]*?)<\/name>/.exec(body)?.[1] ?? '';
    for (const [, nAttrs, text] of nameBlock.matchAll(/<narrative\b([^>]*)>([\s\S]*?)<\/narrative>/g)) {
      const lang = /xml:lang="([^"]+)"/.exec(nAttrs)?.[1] ?? defaultLang;
      const value = decode(text);
      if (value && names[lang] === undefined) names[lang] = value;
    }
    if (!names.en) throw new Error(`${name}.xml: item ${code} has no English name`);
    items.push({ code, status, names });
  }
  return items;
}

/** Active items only: withdrawn codes are not offered for new data. */
function activeItems(name, skipped) {
  const items = readCodelist(name);
  const withdrawn = items.filter((i) => i.status === 'withdrawn');
  if (withdrawn.length)
    skipped.push(`${name}: ${withdrawn.length} withdrawn (${withdrawn.map((i) => i.code).join(', ')})`);
  return items.filter((i) => i.status !== 'withdrawn');
}

/** `{ en, fr? }` from the narratives, in a fixed key order. */
const localised = (names, langs = ['en', 'fr', 'es']) =>
  Object.fromEntries(langs.filter((l) => names[l] !== undefined).map((l) => [l, names[l]]));

// ---------------------------------------------------------------------------------------------

const skipped = [];

function countries() {
  const iso = require('i18n-iso-countries');
  for (const lang of ['en', 'fr', 'es']) iso.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  const out = [];
  const noAlpha3 = [];
  for (const item of activeItems('Country', skipped)) {
    const alpha2 = item.code;
    // XA–XZ are user-assigned (IATI uses XK for Kosovo); ISO 3166-1 gives them no alpha-3, and
    // i18n-iso-countries' XKK is not the XKX other UN/EU systems use, so they are left out.
    const alpha3 = /^X[A-Z]$/.test(alpha2) ? undefined : iso.alpha2ToAlpha3(alpha2);
    if (!alpha3) {
      noAlpha3.push(`${alpha2} ${item.names.en}`);
      continue;
    }
    const name = {
      en: item.names.en,
      fr: item.names.fr ?? iso.getName(alpha2, 'fr'),
      es: item.names.es ?? iso.getName(alpha2, 'es'),
    };
    for (const lang of ['fr', 'es']) {
      if (!name[lang]) throw new Error(`Country ${alpha2}: no ${lang} name in IATI or i18n-iso-countries`);
    }
    out.push({ code: alpha3, alpha2, name });
  }
  if (noAlpha3.length) skipped.push(`Country: ${noAlpha3.length} without ISO alpha-3 (${noAlpha3.join('; ')})`);
  return out;
}

const organisationTypes = () =>
  activeItems('OrganisationType', skipped).map((i) => ({ code: i.code, name: localised(i.names) }));

const currencies = () => activeItems('Currency', skipped).map((i) => ({ code: i.code, name: { en: i.names.en } }));

const sdgGoals = () => activeItems('UNSDG-Goals', skipped).map((i) => ({ code: i.code, name: localised(i.names) }));

const sdgTargets = () =>
  activeItems('UNSDG-Targets', skipped).map((i) => ({
    code: i.code,
    goal: i.code.split('.')[0],
    name: localised(i.names),
  }));

// ---------------------------------------------------------------------------------------------

function expect(label, actual, ok) {
  if (!ok) throw new Error(`${label}: unexpected count ${actual}; refusing to write`);
}

const files = {
  'countries.json': countries(),
  'organisation-types.json': organisationTypes(),
  'currencies.json': currencies(),
  'sdg-goals.json': sdgGoals(),
  'sdg-targets.json': sdgTargets(),
};

// Sanity bounds, so a truncated or renamed codelist fails loudly instead of shrinking the data.
expect('countries', files['countries.json'].length, files['countries.json'].length >= 240);
expect('organisation types', files['organisation-types.json'].length, files['organisation-types.json'].length >= 10);
expect('currencies', files['currencies.json'].length, files['currencies.json'].length >= 150);
expect('SDG goals', files['sdg-goals.json'].length, files['sdg-goals.json'].length === 17);
expect('SDG targets', files['sdg-targets.json'].length, files['sdg-targets.json'].length === 169);
const goalCodes = new Set(files['sdg-goals.json'].map((g) => g.code));
for (const t of files['sdg-targets.json']) {
  if (!goalCodes.has(t.goal)) throw new Error(`SDG target ${t.code} belongs to no goal`);
}
for (const [file, rows] of Object.entries(files)) {
  const codes = new Set(rows.map((r) => r.code));
  if (codes.size !== rows.length) throw new Error(`${file}: duplicate codes`);
}

let stale = 0;
if (!checkOnly) mkdirSync(outDir, { recursive: true });
for (const [file, rows] of Object.entries(files)) {
  const path = join(outDir, file);
  const text = JSON.stringify(rows, null, 2) + '\n';
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const state = current === text ? 'unchanged' : current === undefined ? 'new' : 'changed';
  if (state !== 'unchanged') stale++;
  if (!checkOnly && state !== 'unchanged') writeFileSync(path, text);
  console.log(`${relative(root, path).padEnd(46)} ${String(rows.length).padStart(4)}  ${state}`);
}
for (const line of skipped) console.log(`skipped  ${line}`);
console.log(`source   ${relative(root, codelistDir) || codelistDir}`);
console.log(`package  i18n-iso-countries ${require('i18n-iso-countries/package.json').version}`);
if (checkOnly && stale) {
  console.error(`${stale} data file(s) out of date: run node scripts/reference/generate.mjs`);
  process.exit(1);
}
