import type { DomainEvent } from '@concord/kernel';
import type { FundKind } from '../../funding.vocabulary';
import type { Money } from '../../money/money';

/** A window (thematic envelope) of a fund, e.g. the Joint SDG Fund's "Social protection and LNOB". */
export interface FundWindow {
  /** Upper-case code, unique within the fund. */
  code: string;
  title: string;
}

/** What a fund says about itself; everything a revision may change. */
export interface FundDetails {
  name: string;
  kind: FundKind;
  /** Directory code of the organisation that manages it (the MPTF Office, the ILO…). */
  managingOrganisation: string;
  /** Directory codes of the organisations that pay into it. */
  contributors: string[];
  windows: FundWindow[];
  /** What the fund or programme needs over its period, when stated (Flagship phase 2: 160M USD). */
  target: Money | null;
  /** ISO dates, inclusive; either may be unknown. */
  start: string | null;
  end: string | null;
}

/**
 * Everything that can happen to a fund: a pooled fund, a trust fund, a bilateral donor's
 * programme or a global programme that mobilises money (ARCHITECTURE §5, funding).
 */
export type FundEvent =
  | DomainEvent<'FundEstablished', { code: string } & FundDetails>
  /** The details after the revision, whole, and which fields changed. */
  | DomainEvent<'FundRevised', { changed: (keyof FundDetails)[]; details: FundDetails }>
  | DomainEvent<'FundClosed', { on: string }>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<FundEvent['type'], true> = {
  FundEstablished: true,
  FundRevised: true,
  FundClosed: true,
};
export const FUND_EVENT_TYPES = Object.keys(EVENT_TYPES) as FundEvent['type'][];
