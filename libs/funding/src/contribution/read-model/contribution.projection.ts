import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { EXCHANGE_RATES_EVENT_TYPES, type ExchangeRateEvent } from '../../exchange-rate/domain/exchange-rate.events';
import { REPORTING_CURRENCY } from '../../funding.vocabulary';
import { CONTRIBUTION_EVENT_TYPES, type ContributionEvent } from '../domain/contribution.events';
import { ContributionRow } from './contribution.rows';

/**
 * How old a rate may be and still convert an amount: a quarter. Monthly UN operational rates and
 * daily market rates both qualify; an amount with no rate that recent stays unconverted (and is
 * counted as such) rather than converted at a stale rate.
 */
export const RATE_MAX_AGE_DAYS = 92;

/**
 * The latest rate of the transaction's currency on or before its value date and at most
 * RATE_MAX_AGE_DAYS old, as a lateral join over `t` (the reporting currency converts at 1).
 */
const RATE_OF_T = `LEFT JOIN LATERAL (
    SELECT r.rate, r.on_date, r.source FROM funding_exchange_rates r
     WHERE r.currency = t.currency AND r.on_date <= t.value_date AND r.on_date > t.value_date - ${RATE_MAX_AGE_DAYS}
     ORDER BY r.on_date DESC LIMIT 1) r ON t.currency <> '${REPORTING_CURRENCY}'`;
/** The amount in the reporting currency, rounded to the cent half away from zero (Postgres `round`) before any sum. */
const CONVERTED = `CASE WHEN t.currency = '${REPORTING_CURRENCY}' THEN t.amount ELSE round(t.amount / r.rate, 2) END`;
const RATE_USED = `CASE WHEN t.currency = '${REPORTING_CURRENCY}' THEN 1 ELSE r.rate END`;
const RATE_DATE = `CASE WHEN t.currency = '${REPORTING_CURRENCY}' THEN t.value_date ELSE r.on_date END`;
const RATE_SOURCE = `CASE WHEN t.currency = '${REPORTING_CURRENCY}' THEN 'reporting currency' ELSE r.source END`;

/**
 * One statement per transaction: stamps the contribution's version and inserts the transaction
 * with the contribution's dimensions and its converted amount.
 */
const INSERT_TRANSACTION = `
  WITH c AS (
    UPDATE funding_contributions SET version = $2, updated_at = $3 WHERE id = $1
    RETURNING donor, organisation, joint_programme_id, fund_code, country, framework_outcome_id, earmarking, modality, joint),
  t AS (
    SELECT $4::int AS number, $5::text AS type, $6::numeric AS amount, $7::text AS currency, $8::date AS value_date,
           $9::text AS reference, $10::jsonb AS over_disbursement)
  INSERT INTO funding_transactions (contribution_id, number, type, amount, currency, value_date, year, reference,
         over_disbursement, donor, organisation, joint_programme_id, fund_code, country, framework_outcome_id,
         earmarking, modality, joint, amount_usd, rate, rate_date, rate_source)
  SELECT $1, t.number, t.type, t.amount, t.currency, t.value_date, extract(year FROM t.value_date)::int, t.reference,
         t.over_disbursement, c.donor, c.organisation, c.joint_programme_id, c.fund_code, c.country,
         c.framework_outcome_id, c.earmarking, c.modality, c.joint,
         ${CONVERTED}, ${RATE_USED}, ${RATE_DATE}, ${RATE_SOURCE}
    FROM c CROSS JOIN t ${RATE_OF_T}
  ON CONFLICT (contribution_id, number) DO NOTHING`;

/** Converts again the transactions of a currency valued from `from` on, after its rates changed. */
const RECONVERT = `
  UPDATE funding_transactions u SET amount_usd = ${CONVERTED}, rate = r.rate, rate_date = r.on_date, rate_source = r.source
    FROM funding_transactions t ${RATE_OF_T}
   WHERE u.contribution_id = t.contribution_id AND u.number = t.number AND t.currency = $1 AND t.value_date >= $2::date`;

/**
 * Contributions, their transactions in the reporting currency, and the exchange rates that
 * convert them. One projection owns all three, so a rate recorded after a transaction (or before)
 * converts it either way, and a rebuild comes out the same.
 */
export const contributionProjection: Projection = {
  name: 'funding.contributions',
  tables: ['funding_contributions', 'funding_transactions', 'funding_exchange_rates'],
  eventTypes: [...CONTRIBUTION_EVENT_TYPES, ...EXCHANGE_RATES_EVENT_TYPES],
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as ContributionEvent | ExchangeRateEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    switch (event.type) {
      case 'ContributionRecorded': {
        const { recipient, ...details } = event.data;
        await tx.upsert(
          ContributionRow,
          {
            id,
            ...details,
            recipientKind: recipient.kind,
            recipientRef: recipient.ref,
            organisation: recipient.organisation,
            jointProgrammeId: recipient.jointProgrammeId,
            fundCode: recipient.fundCode,
            joint: recipient.kind !== 'ORGANISATION',
            overspentBy: null,
            version: envelope.version,
            recordedAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'TransactionRecorded': {
        const t = event.data;
        await tx.query(INSERT_TRANSACTION, [
          id,
          envelope.version,
          at,
          t.number,
          t.type,
          t.amount,
          t.currency,
          t.valueDate,
          t.reference,
          t.overDisbursement && JSON.stringify(t.overDisbursement),
        ]);
        return;
      }
      case 'TransactionCancelled':
        await tx.query(`DELETE FROM funding_transactions WHERE contribution_id = $1 AND number = $2`, [
          id,
          event.data.number,
        ]);
        await tx.update(ContributionRow, { id }, { version: envelope.version, updatedAt: at });
        return;
      case 'ContributionOverspent':
        await tx.update(
          ContributionRow,
          { id },
          { overspentBy: event.data.over, version: envelope.version, updatedAt: at },
        );
        return;
      case 'ExchangeRatesRecorded': {
        const { currency, rates } = event.data;
        await tx.query(
          `INSERT INTO funding_exchange_rates (currency, on_date, rate, source)
           SELECT $1, d, r, s FROM unnest($2::date[], $3::numeric[], $4::text[]) AS t(d, r, s)
           ON CONFLICT (currency, on_date) DO UPDATE SET rate = EXCLUDED.rate, source = EXCLUDED.source`,
          [currency, rates.map((r) => r.on), rates.map((r) => r.rate), rates.map((r) => r.source)],
        );
        // Rates are in date order: nothing valued before the first one changes.
        await tx.query(RECONVERT, [currency, rates[0].on]);
        return;
      }
    }
  },
};
