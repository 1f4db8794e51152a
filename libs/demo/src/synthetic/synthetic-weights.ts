/** Choices with their relative frequency: [value, weight]. */
export type Weighted<T> = readonly (readonly [T, number])[];

/**
 * Countries with UN country teams at work on social protection, most active first: the
 * demo's countries lead, so small synthetic runs land where the demo data is.
 */
export const PROGRAMME_COUNTRIES: readonly string[] = [
  ...['KHM', 'VNM', 'MWI', 'MOZ', 'ZMB', 'PHL', 'KEN', 'LBN', 'JOR', 'BGD', 'ETH', 'NGA', 'IDN', 'PAK', 'MMR', 'LAO'],
  ...['TLS', 'SEN', 'TGO', 'BFA', 'MRT', 'MLI', 'NER', 'CMR', 'EGY', 'MAR', 'TUN', 'SDN', 'SSD', 'SOM', 'UGA', 'TZA'],
  ...['RWA', 'MDG', 'GHA', 'CIV', 'ZWE', 'NPL', 'MNG', 'KGZ', 'TJK', 'UZB', 'GEO', 'ARM', 'TKM', 'IRQ', 'YEM', 'PSE'],
  ...['AFG', 'LKA', 'IND', 'THA', 'ARG', 'BRA', 'ECU', 'PER', 'COL', 'BOL', 'HND', 'GTM', 'SLV', 'MEX', 'HTI', 'LCA'],
  ...['BRB', 'BLZ', 'DMA', 'ZAF', 'BWA', 'NAM', 'LSO', 'AGO', 'COD', 'CAF', 'TCD', 'BEN', 'GIN', 'SLE', 'LBR', 'BDI'],
];

/**
 * How often each value occurs in synthetic data: a guess at the shape of a real portfolio (a few
 * large agencies lead most activities; cash transfers, capacity building and policy advice are
 * the common functions), so filters in benchmarks select realistic fractions.
 */
export const SYNTHETIC_WEIGHTS = {
  agencies: [
    ['UNICEF', 20],
    ['WFP', 14],
    ['ILO', 14],
    ['UNDP', 12],
    ['FAO', 8],
    ['WHO', 7],
    ['WORLD_BANK', 5],
    ['UN_WOMEN', 5],
    ['UNFPA', 4],
    ['UNHCR', 4],
    ['IOM', 3],
  ],
  donors: [
    ['EU', 5],
    ['FCDO', 3],
    ['GIZ', 3],
    ['SIDA', 2],
    ['USAID', 2],
    ['DFAT', 2],
    ['IRISH_AID', 1],
    ['NETHERLANDS', 1],
    ['JAPAN', 1],
  ],
  funds: [
    ['Joint SDG Fund', 5],
    ['UN COVID-19 MPTF', 2],
    ['Bilateral donors', 3],
    ['Regular resources', 2],
  ],
  policyAreas: [
    ['LNOB_INCLUSION', 3],
    ['INFORMAL_ECONOMY', 2],
    ['FINANCING', 2],
    ['DELIVERY_SYSTEMS', 3],
    ['SHOCK_RESPONSIVE', 3],
    ['HEALTH_INTEGRATION', 1.5],
  ],
  functions: [
    ['POLICY_ADVICE', 3],
    ['LEGAL_FRAMEWORK', 1],
    ['ASSESSMENT', 2],
    ['COSTING_FISCAL_SPACE', 1.5],
    ['CAPACITY_BUILDING', 3],
    ['INFORMATION_SYSTEMS', 2],
    ['CASH_TRANSFER', 3],
    ['IN_KIND', 1],
    ['SERVICE_DELIVERY', 1.5],
    ['ADVOCACY', 1],
    ['COORDINATION', 1],
    ['RESEARCH', 1],
    ['MONITORING_EVALUATION', 1],
  ],
  targetGroups: [
    ['CHILDREN', 4],
    ['PREGNANT_WOMEN_NEWBORNS', 2],
    ['OLDER_PERSONS', 2],
    ['PERSONS_WITH_DISABILITIES', 2],
    ['UNEMPLOYED', 1],
    ['WORK_INJURY_VICTIMS', 0.5],
    ['POOR_VULNERABLE', 4],
    ['INFORMAL_WORKERS', 2],
    ['WOMEN', 3],
    ['REFUGEES_MIGRANTS', 1.5],
    ['RURAL_WORKERS', 1.5],
    ['DOMESTIC_WORKERS', 0.5],
    ['YOUTH', 1],
  ],
  guarantees: [
    ['HEALTH_CARE', 1],
    ['CHILDREN', 2],
    ['WORKING_AGE', 1.5],
    ['OLDER_PERSONS', 1],
  ],
  stages: [
    ['POLICY_MAKING', 2],
    ['PLANNING_BUDGETING', 1],
    ['SCHEME_DESIGN', 2],
    ['IMPLEMENTATION', 3],
    ['MONITORING_EVALUATION', 1],
  ],
} satisfies Record<string, Weighted<string>>;
