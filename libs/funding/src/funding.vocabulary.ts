/**
 * The funding vocabularies, one spelling everywhere (TypeScript, GraphQL, database, CSV, docs).
 * Transaction types are the IATI TransactionType codelist entries of the contribution chain.
 */
export const TRANSACTION_TYPES = {
  INCOMING_PLEDGE: '13',
  INCOMING_COMMITMENT: '11',
  INCOMING_FUNDS: '1',
  OUTGOING_COMMITMENT: '2',
  DISBURSEMENT: '3',
  EXPENDITURE: '4',
} as const;
export type TransactionType = keyof typeof TRANSACTION_TYPES;

/** How tightly a contribution is tied to a use, from core (unearmarked) to one project. */
export const EARMARKINGS = ['CORE', 'POOLED', 'THEMATIC', 'PROJECT_SPECIFIC'] as const;
export type Earmarking = (typeof EARMARKINGS)[number];

/** Money, or staff time and goods valued in money (the ILO's 10M of staff time, doc 002). */
export const MODALITIES = ['CASH', 'IN_KIND'] as const;
export type Modality = (typeof MODALITIES)[number];

export const FUND_KINDS = ['POOLED_FUND', 'TRUST_FUND', 'BILATERAL_PROGRAMME', 'GLOBAL_PROGRAMME'] as const;
export type FundKind = (typeof FUND_KINDS)[number];

export const PROPOSAL_STATUSES = ['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'FUNDED', 'REJECTED', 'WITHDRAWN'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * The currency every total is reported in. Exchange rates are recorded against it (units of a
 * currency per US dollar, as the UN operational rates of exchange are published).
 */
export const REPORTING_CURRENCY = 'USD';
