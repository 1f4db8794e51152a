import type { FundDetails } from './fund.events';

/** The details as an establishing command gives them: lists, target and dates may be left out. */
export type FundDetailsInput = Pick<FundDetails, 'name' | 'kind' | 'managingOrganisation'> &
  Partial<Omit<FundDetails, 'name' | 'kind' | 'managingOrganisation'>>;

/** Everything one can ask of a fund. The code is fixed when it is established. */
export type FundCommand =
  | { type: 'EstablishFund'; data: { code: string } & FundDetailsInput }
  /**
   * Each given field replaces the current one; an absent field is kept. `target`, `start` and
   * `end` may be given as null to clear them.
   */
  | { type: 'ReviseFund'; data: Partial<FundDetails> }
  /** `on` is an ISO date; today when omitted. */
  | { type: 'CloseFund'; data: { on?: string } };
