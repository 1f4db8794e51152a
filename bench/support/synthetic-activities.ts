// Who-does-what-where-when records at scale for the duplication benchmark: seeded, so every run
// compares the same data; shaped like the development set (titles from a phrase bank in en/fr/es,
// codes from the vocabularies, a third national and the rest in one or two provinces, periods of
// 6 to 48 months), with records entered twice and agencies working side by side planted in.
import type { ActivityProfile } from '@concord/duplication';
import { listCountries } from '@concord/reference';
import { random } from './random';

const AGENCIES = ['ILO', 'UNICEF', 'WFP', 'UNDP', 'FAO', 'WHO', 'UNFPA', 'UN_WOMEN', 'UNHCR', 'IOM', 'WORLD_BANK'];
const FUNCTIONS = ['POLICY_ADVICE', 'LEGAL_FRAMEWORK', 'ASSESSMENT', 'COSTING_FISCAL_SPACE', 'CAPACITY_BUILDING'];
const MORE_FUNCTIONS = ['INFORMATION_SYSTEMS', 'CASH_TRANSFER', 'IN_KIND', 'SERVICE_DELIVERY', 'ADVOCACY'];
const ALL_FUNCTIONS = [...FUNCTIONS, ...MORE_FUNCTIONS, 'COORDINATION', 'RESEARCH', 'MONITORING_EVALUATION'];
const GUARANTEES = ['CHILDREN', 'WORKING_AGE', 'OLDER_PERSONS', 'HEALTH_CARE'];
const POLICY_AREAS = ['LNOB_INCLUSION', 'INFORMAL_ECONOMY', 'FINANCING', 'DELIVERY_SYSTEMS', 'SHOCK_RESPONSIVE'];
const TARGET_GROUPS = [
  'CHILDREN',
  'PREGNANT_WOMEN_NEWBORNS',
  'OLDER_PERSONS',
  'PERSONS_WITH_DISABILITIES',
  'UNEMPLOYED',
  'POOR_VULNERABLE',
  'INFORMAL_WORKERS',
  'WOMEN',
  'REFUGEES_MIGRANTS',
  'RURAL_WORKERS',
  'YOUTH',
];
const ACTIONS = [
  ['Support to', 'Appui à', 'Apoyo a'],
  ['Strengthening', 'Renforcement de', 'Fortalecimiento de'],
  ['Extension of', 'Extension de', 'Ampliación de'],
  ['Assessment of', 'Évaluation de', 'Evaluación de'],
  ['Design of', 'Conception de', 'Diseño de'],
  ['Scaling up', 'Passage à l’échelle de', 'Ampliación de escala de'],
];
const SUBJECTS = [
  ['cash transfers', 'transferts monétaires', 'transferencias monetarias'],
  ['the social registry', 'registre social', 'registro social'],
  ['child benefits', 'allocations familiales', 'prestaciones por hijo'],
  ['social pensions', 'pensions sociales', 'pensiones sociales'],
  ['health insurance', 'assurance maladie', 'seguro de salud'],
  ['unemployment protection', 'protection contre le chômage', 'protección por desempleo'],
  ['school feeding', 'cantines scolaires', 'alimentación escolar'],
  ['maternity protection', 'protection de la maternité', 'protección de la maternidad'],
  ['public works', 'travaux publics', 'obras públicas'],
  ['disability benefits', 'prestations d’invalidité', 'prestaciones por discapacidad'],
  [
    'social security for informal workers',
    'sécurité sociale des travailleurs informels',
    'seguridad social de trabajadores informales',
  ],
  ['shock-responsive safety nets', 'filets sociaux réactifs aux chocs', 'redes de protección reactivas'],
];
const FOR = [' for ', ' pour ', ' para '];
const IN = [' in ', ' à ', ' en '];
const DETAILS = [
  'with the ministry of social affairs',
  'through the national social protection strategy',
  'including payments by mobile money',
  'with grievance and case management',
  'linked to nutrition counselling',
  'with a management information system',
  'for households affected by drought',
  'through community targeting',
];

export interface SyntheticOptions {
  activities: number;
  countries: number;
  seed: number;
  /** Share of records that are another record entered again, by the same agency, with small changes. */
  duplicateShare: number;
  /** Share of records that are another agency's version of a record: same work, place and time. */
  overlapShare: number;
}

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `n` synthetic activities, each a profile as the detector sees it (ids `S-000001`…). */
export function syntheticActivities(options: SyntheticOptions): ActivityProfile[] {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const some = <T>(list: readonly T[], max: number) => [
    ...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(list))),
  ];
  const countries = listCountries()
    .map((c) => c.code)
    .slice(0, options.countries);
  const provinces = (country: string) => Array.from({ length: 12 }, (_, i) => `${country} province ${i + 1}`);
  const first = Date.parse('2012-01-01T00:00:00Z');
  const span = Date.parse('2026-12-31T00:00:00Z') - first;
  const profiles: ActivityProfile[] = [];
  for (let i = 0; i < options.activities; i++) {
    const id = `S-${String(i + 1).padStart(6, '0')}`;
    const roll = next();
    const earlier = profiles.length ? profiles[Math.floor(next() * profiles.length)] : undefined;
    if (earlier && roll < options.duplicateShare) {
      const shift = Math.round((next() - 0.5) * 30) * day;
      profiles.push({
        ...earlier,
        id,
        titles: next() < 0.5 ? earlier.titles : [`${earlier.titles[0]} (phase ${1 + Math.floor(next() * 3)})`],
        descriptions: next() < 0.5 ? earlier.descriptions : [],
        start: iso(Date.parse(earlier.start) + shift),
        end: iso(Date.parse(earlier.end) + shift),
      });
      continue;
    }
    if (earlier && roll < options.duplicateShare + options.overlapShare) {
      const organisation = pick(AGENCIES.filter((a) => a !== earlier.organisation));
      profiles.push({
        ...earlier,
        id,
        organisation,
        partners: [],
        titles: [`${organisation}: ${earlier.titles[0].toLowerCase()}`],
        descriptions: [`${pick(DETAILS)}, ${pick(DETAILS)}`],
        start: iso(Date.parse(earlier.start) + Math.round(next() * 120) * day),
        jointProgramme: null,
        budget: null,
      });
      continue;
    }
    const country = pick(countries);
    const language = Math.floor(next() * 3);
    const subject = pick(SUBJECTS);
    const areas = next() < 0.35 ? [] : some(provinces(country), 2);
    const place = areas.length ? areas.join(', ') : country;
    const start = first + Math.floor(next() * span);
    profiles.push({
      id,
      titles: [
        `${pick(ACTIONS)[language]} ${subject[language]}${FOR[language]}${pick(TARGET_GROUPS).toLowerCase().replace(/_/g, ' ')}${IN[language]}${place}`,
      ],
      descriptions: [`${subject[0]} ${pick(DETAILS)}; ${pick(DETAILS)}.`],
      organisation: pick(AGENCIES),
      partners: next() < 0.2 ? [pick(AGENCIES)] : [],
      country,
      areas,
      policyAreas: some(POLICY_AREAS, 2),
      guarantees: some(GUARANTEES, 2),
      functions: some(next() < 0.5 ? FUNCTIONS : ALL_FUNCTIONS, 2),
      targetGroups: some(TARGET_GROUPS, 3),
      counterparts: [`${country} ministry ${1 + Math.floor(next() * 4)}`],
      start: iso(start),
      end: iso(start + (180 + Math.floor(next() * 1260)) * day),
      budget: next() < 0.7 ? { currency: 'USD', amount: `${(10 + Math.floor(next() * 490)) * 10_000}.00` } : null,
      jointProgramme: null,
    });
  }
  return profiles;
}
