/**
 * What the detector knows of an activity: the fields of the who-does-what-where-when record that
 * say which benefit reaches which population, where and when (ARCHITECTURE §7). Built from the
 * activities' read model or an interchange file; plain data, no behaviour.
 */
export interface ActivityProfile {
  id: string;
  /** Titles and descriptions in whichever of en/fr/es/pt they are written. */
  titles: string[];
  descriptions: string[];
  /** Lead organisation code. */
  organisation: string;
  /** Partner organisation codes (funding, implementing…). */
  partners: string[];
  country: string;
  /** Sub-national areas, as written. */
  areas: string[];
  policyAreas: string[];
  guarantees: string[];
  functions: string[];
  targetGroups: string[];
  counterparts: string[];
  /** ISO dates, inclusive. */
  start: string;
  end: string;
  /** The total budget when it is in one currency, e.g. { currency: 'USD', amount: '250000.00' }. */
  budget: { currency: string; amount: string } | null;
  jointProgramme: string | null;
}
