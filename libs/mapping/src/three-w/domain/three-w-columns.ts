/**
 * The 3W table (who does what where) of a country's activities, as humanitarian and development
 * coordinators exchange it: one row per activity, a header row, then a row of HXL hashtags
 * (Humanitarian Exchange Language 1.1) so tools such as HDX read the columns without a mapping.
 * The columns are defined here once; CSV and XLSX are two encoders of the same fields.
 */

/** What one 3W row is made of. */
export interface ThreeWActivity {
  id: string;
  title: string;
  organisation: string;
  organisationName: string | null;
  partners: { organisation: string; role: string }[];
  country: string;
  areas: string[];
  policyAreas: string[];
  functions: string[];
  guarantees: string[];
  targetGroups: string[];
  status: string;
  start: string;
  end: string;
  jointProgramme: string | null;
  budgetCurrency: string | null;
  budgetRequired: string | null;
  budgetAvailable: string | null;
  budgetSpent: string | null;
}

/**
 * A column: its header, its HXL hashtag, and what an encoder needs to know of its values. An
 * `amount` is a decimal written as text (exact, as the database holds it) that a spreadsheet
 * should hold as a number; `width` is the usual width of its values in characters.
 */
export interface ThreeWColumn {
  header: string;
  hxl: string;
  kind: 'text' | 'amount';
  width: number;
  value(activity: ThreeWActivity): string | null;
}

const list = (values: string[]) => values.join('; ');
const partnersAs = (role: string) => (a: ThreeWActivity) =>
  list(a.partners.filter((p) => p.role === role).map((p) => p.organisation));
const text = (header: string, hxl: string, width: number, value: ThreeWColumn['value']): ThreeWColumn => ({
  header,
  hxl,
  kind: 'text',
  width,
  value,
});
const amount = (header: string, hxl: string, value: ThreeWColumn['value']): ThreeWColumn => ({
  header,
  hxl,
  kind: 'amount',
  width: 16,
  value,
});

export const THREE_W_COLUMNS: readonly ThreeWColumn[] = [
  text('Activity ID', '#activity+code', 16, (a) => a.id),
  text('Activity', '#activity+name', 50, (a) => a.title),
  text('Lead organisation', '#org+name', 30, (a) => a.organisationName ?? a.organisation),
  text('Lead organisation code', '#org+code', 12, (a) => a.organisation),
  text('Implementing partners', '#org+impl+code', 24, partnersAs('IMPLEMENTING')),
  text('Funding partners', '#org+funder+code', 20, partnersAs('FUNDING')),
  text('Policy areas', '#sector+code', 30, (a) => list(a.policyAreas)),
  text('Functions', '#subsector+code', 30, (a) => list(a.functions)),
  text('Floor guarantees', '#sector+guarantee+code', 30, (a) => list(a.guarantees)),
  text('Country', '#country+code', 8, (a) => a.country),
  text('Sub-national areas', '#adm1+name', 24, (a) => list(a.areas)),
  text('Target groups', '#beneficiary+code', 30, (a) => list(a.targetGroups)),
  text('Status', '#status', 16, (a) => a.status),
  text('Start', '#date+start', 11, (a) => a.start),
  text('End', '#date+end', 11, (a) => a.end),
  text('Joint programme', '#activity+programme+code', 16, (a) => a.jointProgramme),
  text('Currency', '#currency', 9, (a) => a.budgetCurrency),
  amount('Budget required', '#value+required', (a) => a.budgetRequired),
  amount('Budget available', '#value+funded', (a) => a.budgetAvailable),
  amount('Budget spent', '#value+spent', (a) => a.budgetSpent),
];

/** An activity's fields, in the order of {@link THREE_W_COLUMNS}. */
export const threeWFields = (activity: ThreeWActivity): (string | null)[] =>
  THREE_W_COLUMNS.map((c) => c.value(activity));
