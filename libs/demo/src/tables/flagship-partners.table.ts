import type { CsvRecord } from '../csv';
import { countriesIn } from '../country-names';
import { DEMO_FILES } from '../demo-data';
import { skippedRecord, type DemoRecord, type DemoTable, type PlanContext } from '../demo-plan';

export const PARTNER_COLUMNS = ['partner', 'partner_type_inferred', 'countries'] as const;

/**
 * seed002_partner_contributions.csv: the Flagship Programme's partners. Each is an organisation of
 * organisations.csv (with the type its partner_type_inferred gives); here they gain a presence
 * in the countries the row says they support.
 */
export function planFlagshipPartners(ctx: PlanContext, rows: readonly CsvRecord[]): DemoTable {
  return {
    name: 'Flagship partners',
    source: DEMO_FILES.partners,
    records: rows.map((row) => partnerRecord(ctx, row)),
  };
}

function partnerRecord(ctx: PlanContext, { line, fields }: CsvRecord): DemoRecord {
  const label = `${fields.partner} (line ${line})`;
  const partners = ctx.names.resolve(fields.partner);
  if (!partners.codes.length)
    return skippedRecord(label, `no organisation in organisations.csv is "${fields.partner}"`);
  const countries = countriesIn(fields.countries);
  if (!countries.codes.length) {
    const named = fields.countries ? `"${fields.countries}" names no country` : 'no country is named';
    return skippedRecord(label, `${named}; ${partners.codes.join(', ')} registered without a presence`);
  }
  const presences = ctx.presences(partners.codes, countries.codes);
  return {
    label,
    steps: presences.steps,
    inferred: presences.inferred,
    leftOut: [...partners.unresolved, ...countries.unmatched],
  };
}
