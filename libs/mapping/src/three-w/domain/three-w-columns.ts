/**
 * The 3W table (who does what where) of a country's activities, as humanitarian and development
 * coordinators exchange it: one row per activity, a header row, then a row of HXL hashtags
 * (Humanitarian Exchange Language 1.1) so tools such as HDX read the columns without a mapping.
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

interface Column {
  header: string;
  hxl: string;
  value(activity: ThreeWActivity): string | null;
}

const list = (values: string[]) => values.join('; ');
const partnersAs = (role: string) => (a: ThreeWActivity) =>
  list(a.partners.filter((p) => p.role === role).map((p) => p.organisation));

export const THREE_W_COLUMNS: readonly Column[] = [
  { header: 'Activity ID', hxl: '#activity+code', value: (a) => a.id },
  { header: 'Activity', hxl: '#activity+name', value: (a) => a.title },
  { header: 'Lead organisation', hxl: '#org+name', value: (a) => a.organisationName ?? a.organisation },
  { header: 'Lead organisation code', hxl: '#org+code', value: (a) => a.organisation },
  { header: 'Implementing partners', hxl: '#org+impl+code', value: partnersAs('IMPLEMENTING') },
  { header: 'Funding partners', hxl: '#org+funder+code', value: partnersAs('FUNDING') },
  { header: 'Policy areas', hxl: '#sector+code', value: (a) => list(a.policyAreas) },
  { header: 'Functions', hxl: '#subsector+code', value: (a) => list(a.functions) },
  { header: 'Floor guarantees', hxl: '#sector+guarantee+code', value: (a) => list(a.guarantees) },
  { header: 'Country', hxl: '#country+code', value: (a) => a.country },
  { header: 'Sub-national areas', hxl: '#adm1+name', value: (a) => list(a.areas) },
  { header: 'Target groups', hxl: '#beneficiary+code', value: (a) => list(a.targetGroups) },
  { header: 'Status', hxl: '#status', value: (a) => a.status },
  { header: 'Start', hxl: '#date+start', value: (a) => a.start },
  { header: 'End', hxl: '#date+end', value: (a) => a.end },
  { header: 'Joint programme', hxl: '#activity+programme+code', value: (a) => a.jointProgramme },
  { header: 'Currency', hxl: '#currency', value: (a) => a.budgetCurrency },
  { header: 'Budget required', hxl: '#value+required', value: (a) => a.budgetRequired },
  { header: 'Budget available', hxl: '#value+funded', value: (a) => a.budgetAvailable },
  { header: 'Budget spent', hxl: '#value+spent', value: (a) => a.budgetSpent },
];

/**
 * One CSV field (RFC 4180). A text a spreadsheet would run as a formula (=, +, -, @ first) gets a
 * leading apostrophe, the usual guard against CSV injection; numbers and dates never start so.
 */
export function csvField(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (values: (string | null)[]): string => `${values.map(csvField).join(',')}\r\n`;

/** The header row and the HXL hashtag row. */
export const threeWHead = (): string =>
  csvLine(THREE_W_COLUMNS.map((c) => c.header)) + csvLine(THREE_W_COLUMNS.map((c) => c.hxl));

export const threeWLine = (activity: ThreeWActivity): string => csvLine(THREE_W_COLUMNS.map((c) => c.value(activity)));
