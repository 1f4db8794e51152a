import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { EXCHANGE_RATE_EVENT_TYPES, type ExchangeRateEvent } from '../../exchange-rate/domain/exchange-rate.events';
import { REPORTING_CURRENCY } from '../../funding.vocabulary';
import { CONTRIBUTION_EVENT_TYPES, type ContributionEvent } from '../domain/contribution.events';
import { ContributionRow, TransactionRow } from './contribution.rows';

/**
 * How old a rate may be and still convert an amount: a quarter. Monthly UN operational rates and
 * daily market rates both qualify; an amount with no rate that recent stays unconverted (and is
 * counted as such) rather than converted at a stale rate.
 */
export const RATE_MAX_AGE_DAYS = 92;

/**
 * Converts the transactions of a currency from `from` on at the latest rate on or before each
 * value date, rounded to the cent half away from zero (Postgres `round`), before any sum.
 */
const CONVERT = `
  UPDATE funding_transactions t
     SET (amount_usd, rate, rate_date, rate_source) = (
       SELECT round(t.amount / r.rate, 2), r.rate, r.on_date, r.source
         FROM funding_exchange_rates r
        WHERE r.currency = t.currency AND r.on_date <= t.value_date
          AND r.on_date > t.value_date - ${RATE_MAX_AGE_DAYS}
        ORDER BY r.on_date DESC LIMIT 1)
   WHERE t.currency = $1 AND t.value_date >= $2::date AND ($3::int IS NULL OR (t.contribution_id = $4 AND t.number = $3))`;

async function convert(tx: EntityManager, currency: string, from: string, only?: { id: string; number: number }) {
  if (currency === REPORTING_CURRENCY) {
    await tx.query(
      `UPDATE funding_transactions SET amount_usd = amount, rate = 1, rate_date = value_date, rate_source = 'reporting currency'
        WHERE contribution_id = $1 AND number = $2`,
      [only!.id, only!.number],
    );
    return;
  }
  await tx.query(CONVERT, [currency, from, only?.number ?? null, only?.id ?? null]);
}

/**
 * Contributions, their transactions in the reporting currency, and the exchange rates that
 * convert them. One projection owns all three, so a rate recorded after a transaction (or before)
 * converts it either way, and a rebuild comes out the same.
 */
export const contributionProjection: Projection = {
  name: 'funding.contributions',
  tables: ['funding_contributions', 'funding_transactions', 'funding_exchange_rates'],
  eventTypes: [...CONTRIBUTION_EVENT_TYPES, ...EXCHANGE_RATE_EVENT_TYPES],
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
        const c = await tx.findOneBy(ContributionRow, { id });
        if (!c) return; // a transaction cannot come before its contribution in one stream
        const t = event.data;
        await tx.upsert(
          TransactionRow,
          {
            contributionId: id,
            number: t.number,
            type: t.type,
            amount: t.amount,
            currency: t.currency,
            valueDate: t.valueDate,
            year: Number(t.valueDate.slice(0, 4)),
            reference: t.reference,
            overDisbursement: t.overDisbursement,
            donor: c.donor,
            organisation: c.organisation,
            jointProgrammeId: c.jointProgrammeId,
            fundCode: c.fundCode,
            country: c.country,
            frameworkOutcomeId: c.frameworkOutcomeId,
            earmarking: c.earmarking,
            modality: c.modality,
            joint: c.joint,
            amountUsd: null,
            rate: null,
            rateDate: null,
            rateSource: null,
          },
          ['contributionId', 'number'],
        );
        await convert(tx, t.currency, t.valueDate, { id, number: t.number });
        await tx.update(ContributionRow, { id }, { version: envelope.version, updatedAt: at });
        return;
      }
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
        await convert(tx, currency, rates[0].on);
        return;
      }
    }
  },
};
