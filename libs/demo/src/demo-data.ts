import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvRecords, type CsvRecord } from './csv';
import type { DemoOrganisation } from './organisation-names';

/** libs/demo/data, beside src/ in the sources and beside the compiled src/ in dist/. */
const DATA_DIR = join(__dirname, '..', 'data');

/** The data files of the demo: the documents' tables as extracted, and the organisations they name. */
export const DEMO_FILES = {
  organisations: 'organisations.csv',
  partners: 'seed002_partner_contributions.csv',
  jointProgrammes: 'seed000_jps_mentioned.csv',
  coordination: 'seed004_interagency_coordination.csv',
  coalitions: 'seed000_regional_coalitions.csv',
  abnd: 'seed000_annex4_abnd.csv',
  fundingCalls: 'seed000_joint_sdg_fund_calls.csv',
  flagshipLedger: 'seed002_phase2_funding_ledger.csv',
  fragmentation: 'seed004_duplication_fragmentation_cases.csv',
} as const;

export type DemoFile = (typeof DEMO_FILES)[keyof typeof DEMO_FILES];

/** A data file's records; a missing column is a mistake in the file and stops the load, naming it. */
export function readDemoTable(file: DemoFile, columns: readonly string[]): CsvRecord[] {
  const records = readCsvRecords(readFileSync(join(DATA_DIR, file), 'utf8'), file);
  const missing = columns.filter((column) => records.length && !(column in records[0].fields));
  if (missing.length) throw new Error(`${file}: no column ${missing.join(', ')}`);
  return records;
}

const ORGANISATION_COLUMNS = [
  'code',
  'name',
  'name_fr',
  'name_es',
  'type',
  'iati_org_id',
  'parent',
  'country',
  'aliases',
  'inferred',
  'source',
  'note',
] as const;

const optional = (value: string) => value.trim() || undefined;

/** data/organisations.csv, one organisation a row. */
export function readDemoOrganisations(): DemoOrganisation[] {
  return readDemoTable(DEMO_FILES.organisations, ORGANISATION_COLUMNS).map(({ line, fields: f }) => {
    if (f.inferred !== 'true' && f.inferred !== 'false') {
      throw new Error(`${DEMO_FILES.organisations} line ${line}: inferred must be true or false, not "${f.inferred}"`);
    }
    return {
      code: f.code,
      name: f.name,
      names: { en: f.name, fr: optional(f.name_fr), es: optional(f.name_es) },
      type: f.type,
      iatiOrgId: optional(f.iati_org_id),
      parent: optional(f.parent),
      country: optional(f.country),
      aliases: f.aliases.split(';').filter(Boolean),
      inferred: f.inferred === 'true',
      source: f.source,
      note: optional(f.note),
    };
  });
}
