import { listCountries } from '@concord/reference';
import { normalise, splitOutsideParentheses } from './text';

/**
 * Country names as the documents write them → ISO 3166-1 alpha-3. The reference data knows the
 * ISO names in English, French and Spanish ("Viet Nam", "Bolivia (Plurinational State of)");
 * these are the other spellings the tables use, and a few common ones besides.
 */
const ALIASES: Readonly<Record<string, string>> = {
  vietnam: 'VNM',
  'ivory coast': 'CIV',
  'lao pdr': 'LAO',
  laos: 'LAO',
  'occupied palestinian territory': 'PSE',
  'state of palestine': 'PSE',
  'kyrgyz republic': 'KGZ',
  'cape verde': 'CPV',
  'st lucia': 'LCA',
  'st. lucia': 'LCA',
  'democratic republic of the congo': 'COD',
  'dr congo': 'COD',
  'republic of the congo': 'COG',
  'republic of korea': 'KOR',
  'south korea': 'KOR',
  'north korea': 'PRK',
  russia: 'RUS',
  turkey: 'TUR',
  syria: 'SYR',
  'united kingdom': 'GBR',
  uk: 'GBR',
  'united states': 'USA',
  usa: 'USA',
  'czech republic': 'CZE',
  swaziland: 'SWZ',
  macedonia: 'MKD',
  burma: 'MMR',
};

/**
 * Every name under which a country is known: its English, French and Spanish names, each also
 * without its qualifier ("Bolivia (Plurinational State of)" → "bolivia", "Tanzania, the United
 * Republic of" → "tanzania"), plus the aliases. A short form two countries share ("Congo",
 * "Korea") names neither.
 */
function buildIndex(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (name: string, code: string) => {
    const key = normalise(name);
    if (!key || ambiguous.has(key)) return;
    if (index.has(key) && index.get(key) !== code) {
      index.delete(key);
      ambiguous.add(key);
    } else index.set(key, code);
  };
  for (const country of listCountries()) {
    for (const name of Object.values(country.name)) {
      add(name, country.code);
      add(name.split(/ \(|, /)[0], country.code);
    }
  }
  for (const [name, code] of Object.entries(ALIASES)) index.set(name, code);
  return index;
}

const INDEX = buildIndex();

const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Any known name standing as words of its own; the longest first, so "south sudan" wins over "sudan". */
const ANY_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...INDEX.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escaped)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** The ISO3 code of a country written out in full, e.g. "Côte d'Ivoire" → CIV; undefined if unknown. */
export const countryCode = (name: string): string | undefined => INDEX.get(normalise(name));

export interface CountryMatch {
  /** ISO3 codes in the order the text names them, each once. */
  codes: string[];
  /** The parts of the text (between ; , and :) that name no country, e.g. "Global", "Eastern Caribbean". */
  unmatched: string[];
}

/**
 * The countries a scope cell names: "Mali; Mauritania; Niger", "Philippines (BARMM)",
 * "Global: Argentina, Egypt", "Eastern Caribbean (St Lucia activity)". Regions are not expanded
 * into countries: a part that names none is reported in `unmatched`, never guessed.
 */
export function countriesIn(text: string): CountryMatch {
  const codes: string[] = [];
  const unmatched: string[] = [];
  for (const part of splitOutsideParentheses(text, /[;,:]/)) {
    const found = [...normalise(part).matchAll(ANY_NAME)].map((m) => INDEX.get(m[0])!);
    if (found.length === 0) unmatched.push(part);
    for (const code of found) if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unmatched };
}
