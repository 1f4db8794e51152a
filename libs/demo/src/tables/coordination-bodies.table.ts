import { coordinationBodyAggregate, type BodyKind } from '@concord/directory';
import type { CsvRecord } from '../csv';
import { countriesIn } from '../country-names';
import { DEMO_FILES } from '../demo-data';
import { demoStep, skippedRecord, type DemoRecord, type DemoTable, type PlanContext } from '../demo-plan';
import { capitalised, normalise, splitOutsideParentheses, withoutParentheses } from '../text';

export const COORDINATION_COLUMNS = ['country_or_region', 'mechanism', 'lead_or_members'] as const;
export const COALITION_COLUMNS = ['body', 'region', 'chairs', 'participants'] as const;

/** A mechanism as the tables describe it, before it is placed in a country or region. */
interface BodyRow {
  line: number;
  scope: string;
  name: string;
  /** Organisation lists; a chair is admitted as a member before it is appointed. */
  chairs: string;
  members: string;
}

/** seed004_interagency_coordination.csv: the coordination mechanisms the ILO evaluations report. */
export function planInteragencyCoordination(ctx: PlanContext, rows: readonly CsvRecord[]): DemoTable {
  return {
    name: 'coordination bodies',
    source: DEMO_FILES.coordination,
    records: rows.flatMap(({ line, fields }) => {
      // "chaired by ILO; UNICEF; WHO" and "led by ILO and PAHO/WHO; ECLAC; …": the first part chairs.
      const [first = '', ...rest] = splitOutsideParentheses(fields.lead_or_members, /;/);
      const chaired = /^(chaired|led|coordinated) by /i.exec(first);
      return bodyRecords(ctx, {
        line,
        scope: fields.country_or_region,
        name: fields.mechanism,
        chairs: chaired ? first.slice(chaired[0].length) : '',
        members: (chaired ? rest : [first, ...rest]).join('; '),
      });
    }),
  };
}

/** seed000_regional_coalitions.csv: regional issue-based coalitions and global groups, with their chairs. */
export function planRegionalCoalitions(ctx: PlanContext, rows: readonly CsvRecord[]): DemoTable {
  return {
    name: 'regional coalitions',
    source: DEMO_FILES.coalitions,
    records: rows.flatMap(({ line, fields }) =>
      bodyRecords(ctx, {
        line,
        scope: fields.region,
        name: fields.body,
        chairs: fields.chairs.replace(/^coordinated by /i, ''),
        members: fields.participants.replace(/;\s*in collaboration with /i, ';'),
      }),
    ),
  };
}

/** Region names of the tables → the region codes bodies are scoped by. */
const REGIONS: Readonly<Record<string, string>> = {
  'asia-pacific': 'ASIA_PACIFIC',
  'mena/arab states': 'ARAB_STATES',
  'europe and central asia': 'EUROPE_CENTRAL_ASIA',
  'latin america and the caribbean': 'LATIN_AMERICA_CARIBBEAN',
  'southern africa': 'SOUTHERN_AFRICA',
  palop: 'PALOP',
  global: 'GLOBAL',
};

/**
 * A body per country the scope names ("Cambodia; Burkina Faso; Honduras" were reported together,
 * but each country has its own), or one for a known region; a scope naming neither is skipped.
 */
function bodyRecords(ctx: PlanContext, row: BodyRow): DemoRecord[] {
  const label = (scope: string) => `${scope}: ${row.name}`;
  const countries = countriesIn(row.scope);
  if (countries.codes.length) {
    const split = countries.codes.length > 1 ? [`one body per country of "${row.scope}"`] : [];
    return countries.codes.map((country) => {
      const record = bodyRecord(ctx, row, { country }, label(country));
      return {
        ...record,
        inferred: [...split, ...record.inferred],
        leftOut: [...countries.unmatched, ...record.leftOut],
      };
    });
  }
  const region = REGIONS[normalise(withoutParentheses(row.scope))];
  if (region) return [bodyRecord(ctx, row, { region }, label(region))];
  return [skippedRecord(label(row.scope), `"${row.scope}" (line ${row.line}) names no country or known region`)];
}

function bodyRecord(
  ctx: PlanContext,
  row: BodyRow,
  scope: { country: string } | { region: string },
  label: string,
): DemoRecord {
  const chairs = ctx.names.resolve(row.chairs);
  const members = ctx.names.resolve(row.members);
  const everyone = [...new Set([...chairs.codes, ...members.codes])];
  const kind = kindOf(row.name, row.members);
  const stream = { kind: 'coordination-body', key: `${Object.values(scope)[0]}:${row.name}` };
  const name = capitalised(row.name);
  const steps = [
    demoStep(coordinationBodyAggregate, stream, 'establish', {
      type: 'EstablishCoordinationBody',
      data: { ...scope, name, kind: kind.code },
    }),
    ...everyone.map((organisation) =>
      demoStep(coordinationBodyAggregate, stream, `admit ${organisation}`, {
        type: 'AdmitMember',
        data: { organisation },
      }),
    ),
    ...chairs.codes.map((organisation) =>
      demoStep(coordinationBodyAggregate, stream, `chair ${organisation}`, {
        type: 'AppointChair',
        data: { organisation },
      }),
    ),
  ];
  const presences = 'country' in scope ? ctx.presences(everyone, [scope.country]) : { steps: [], inferred: [] };
  return {
    label,
    steps: [...steps, ...presences.steps],
    inferred: [...(kind.inferred ? [`kind ${kind.code} inferred from the name`] : []), ...presences.inferred],
    leftOut: [...chairs.unresolved, ...members.unresolved],
  };
}

/**
 * The body's kind from its name: stated when the name says it ("Issue-Based Coalition", "working
 * group on social protection"), otherwise inferred from what the name and members describe.
 */
export function kindOf(name: string, members: string): { code: BodyKind; inferred: boolean } {
  const text = normalise(name);
  const stated: [BodyKind, RegExp][] = [
    ['ISSUE_BASED_COALITION', /issue-based coalition|\bibc\b/],
    ['UNCT', /\bunct\b|country team/],
    ['RESULTS_GROUP', /results group/],
    ['SP_WORKING_GROUP', /working group on social protection/],
  ];
  const implied: [BodyKind, RegExp][] = [
    ['GOVERNMENT_COMMITTEE', /tripartite|national steering|council|subcommittee|commission|dialogue table/],
    ['DONOR_GROUP', /development partner working group|with donors/],
    ['SP_WORKING_GROUP', /joint programme|interagency|inter-agency|social protection group/],
  ];
  const found = stated.find(([, pattern]) => pattern.test(text));
  if (found) return { code: found[0], inferred: false };
  const guess = implied.find(([, pattern]) => pattern.test(`${text} | ${normalise(members)}`));
  return { code: guess?.[0] ?? 'OTHER', inferred: true };
}
