import { competition, contributionAggregate, type CompetitionSubject, type Money } from '@concord/funding';
import { systemActor, type DomainEvent } from '@concord/kernel';
import { Decimal } from 'decimal.js';
import type { DataSource } from 'typeorm';
import { DEMO_FILES, readDemoTable } from '../demo-data';
import { demoId } from '../demo-ids';
import { loadDemo, planDemo, type DemoSummary, type TableSummary } from '../demo-loader';
import { InMemoryRunner } from '../testing/in-memory-runner';
import {
  apportion,
  AWARDED_ON,
  COMPETING_DONOR,
  FIRST_CALL_CLOSES_ON,
  FLAGSHIP_FUND,
  LEDGER_COLUMNS,
  NOT_SELECTED_ON,
  plusDays,
} from './funding.table';

/** A proposal as its events leave it. */
interface Proposal extends CompetitionSubject {
  title: string;
  requested: Money;
  coFunding: Money | null;
  submittedOn: string | null;
  decidedOn: string | null;
  funded: Money | null;
}

function proposalOf(id: string, events: DomainEvent[]): Proposal {
  const [drafted, ...later] = events;
  const d = drafted.data as Omit<Proposal, 'id' | 'organisations' | 'status'> & {
    applicants: { organisation: string }[];
  };
  const proposal: Proposal = {
    ...d,
    id,
    organisations: d.applicants.map((a) => a.organisation),
    status: 'DRAFT',
    submittedOn: null,
    decidedOn: null,
    funded: null,
  };
  for (const { type, data } of later) {
    const { on, amount } = data as { on: string; amount?: Money };
    if (type === 'ProposalSubmitted') Object.assign(proposal, { status: 'SUBMITTED', submittedOn: on });
    if (type === 'ProposalFunded') Object.assign(proposal, { status: 'FUNDED', decidedOn: on, funded: amount });
    if (type === 'ProposalRejected') Object.assign(proposal, { status: 'REJECTED', decidedOn: on });
  }
  return proposal;
}

const sum = (amounts: readonly Money[]) => {
  expect(new Set(amounts.map((a) => a.currency))).toEqual(new Set(['USD']));
  return amounts.reduce((total, a) => total.plus(a.amount), new Decimal(0)).toFixed(2);
};

describe('the funding demo, planned and run through the real deciders', () => {
  const callId = demoId('call', 'JOINT_SDG_FUND:1');
  let runner: InMemoryRunner;
  let summary: DemoSummary;
  let proposals: Proposal[];
  let toCall: Proposal[];
  const table = (name: string): TableSummary => summary.tables.find((t) => t.name === name)!;
  const streamsOf = (type: string) => [...runner.streams.entries()].filter(([, s]) => s.type === type);

  beforeAll(async () => {
    runner = new InMemoryRunner();
    const dataSource = { query: async () => [{ n: 0 }] } as unknown as DataSource;
    summary = await loadDemo({ commands: runner.asRunner(), dataSource });
    proposals = streamsOf('Proposal').map(([id, s]) => proposalOf(id, s.events));
    toCall = proposals.filter((p) => p.callId === callId);
  });

  it('loads the funding tables after the others, with nothing skipped or refused', () => {
    expect(
      summary.tables.slice(-5, -2).map((t) => [t.name, t.source, t.created, t.skipped.length, t.refused.length]),
    ).toEqual([
      ['Joint SDG Fund', DEMO_FILES.fundingCalls, 1 + 1 + 114 + 1 + 1, 0, 0],
      ['Flagship phase 2 funding', DEMO_FILES.flagshipLedger, 3, 0, 0],
      ['competing proposals', DEMO_FILES.fragmentation, 2, 0, 0],
    ]);
    expect(streamsOf('Fund')).toHaveLength(2);
    expect(streamsOf('Call')).toHaveLength(1);
    expect(streamsOf('Contribution')).toHaveLength(3);
  });

  it('gives the first call 114 proposals: 35 funded and 79 not, all submitted', () => {
    expect(toCall).toHaveLength(114);
    expect(toCall.filter((p) => p.submittedOn !== null)).toHaveLength(114);
    expect(toCall.filter((p) => p.status === 'FUNDED')).toHaveLength(35);
    expect(toCall.filter((p) => p.status === 'REJECTED')).toHaveLength(79);
    expect(toCall.every((p) => p.organisations.length >= 2)).toBe(true); // joint proposals only
  });

  it('funds proposals in 39 countries, each country applying once', () => {
    const funded = toCall.filter((p) => p.status === 'FUNDED');
    expect(new Set(funded.flatMap((p) => p.countries)).size).toBe(39);
    const all = toCall.flatMap((p) => p.countries);
    expect(new Set(all).size).toBe(all.length);
    expect(funded.find((p) => p.title.includes('JP-EC-LCA'))?.countries).toEqual(['LCA', 'BRB']);
  });

  it('awards exactly US$69,000,000.00 from the Fund with exactly US$32,000,000.00 of co-funding', () => {
    const funded = toCall.filter((p) => p.status === 'FUNDED');
    expect(sum(funded.map((p) => p.funded!))).toBe('69000000.00');
    expect(sum(funded.map((p) => p.coFunding!))).toBe('32000000.00');
    expect(funded.every((p) => p.funded!.amount === p.requested.amount)).toBe(true);
    // Plausible grants: between one and three million each, in whole thousands.
    for (const p of funded) expect(new Decimal(p.funded!.amount).div(1000).isInteger()).toBe(true);
    const amounts = funded.map((p) => new Decimal(p.funded!.amount));
    expect(Decimal.min(...amounts).gte(1_000_000) && Decimal.max(...amounts).lte(3_000_000)).toBe(true);
  });

  it('plans the same amounts every time', () => {
    const amounts = () =>
      planDemo()
        .find((t) => t.name === 'Joint SDG Fund')!
        .records.flatMap((r) => r.inferred.filter((text) => text.startsWith('requested')));
    expect(amounts()).toEqual(amounts());
    expect(amounts()).toHaveLength(114);
  });

  it('makes the demo joint programmes funded by the Fund its funded proposals, with their agencies', () => {
    const drafted = streamsOf('JointProgramme').map(([id, s]) => ({
      id,
      data: s.events[0].data as { code: string; fundingSources: string[]; participants: { organisation: string }[] },
    }));
    const byTheFund = drafted.filter((jp) => jp.data.fundingSources.includes('Joint SDG Fund'));
    const linked = toCall.filter((p) => p.jointProgrammeId !== null);
    expect(linked.map((p) => p.jointProgrammeId).sort()).toEqual(byTheFund.map((jp) => jp.id).sort());
    expect(linked).toHaveLength(19);
    expect(linked.every((p) => p.status === 'FUNDED')).toBe(true);
    for (const jp of byTheFund) {
      const proposal = linked.find((p) => p.jointProgrammeId === jp.id)!;
      expect(proposal.organisations).toEqual(expect.arrayContaining(jp.data.participants.map((p) => p.organisation)));
    }
    const khm = linked.find((p) => p.jointProgrammeId === demoId('joint-programme', 'JP-KHM'))!;
    expect(khm).toMatchObject({ organisations: ['ILO', 'UNICEF', 'WHO'], countries: ['KHM'] });
  });

  it('labels the proposals the documents only count, and marks every invented figure and date', () => {
    const synthetic = toCall.filter((p) => p.jointProgrammeId === null);
    expect(synthetic).toHaveLength(114 - 19);
    expect(synthetic.every((p) => /^Proposal \d+ \(inferred\): /.test(p.title))).toBe(true);
    const proposalNotes = table('Joint SDG Fund').inferred.filter((n) => n.record.startsWith('1st call: '));
    for (const p of toCall) {
      const record = `1st call: ${/^Proposal \d+ \(inferred\)/.exec(p.title)?.[0] ?? /\((JP-[A-Z0-9-]+)\)$/.exec(p.title)![1]}`;
      const notes = proposalNotes.filter((n) => n.record === record).map((n) => n.text);
      expect([record, notes]).toEqual([
        record,
        expect.arrayContaining([expect.stringMatching(/^requested /), expect.stringMatching(/^submitted on /)]),
      ]);
    }
  });

  it('dates submissions within the call and decisions in late 2019', () => {
    for (const p of toCall) {
      expect(p.submittedOn! >= '2019-03-01' && p.submittedOn! <= FIRST_CALL_CLOSES_ON).toBe(true);
      expect(p.decidedOn).toBe(p.status === 'FUNDED' ? AWARDED_ON : NOT_SELECTED_ON);
    }
    const [closed] = streamsOf('Call')[0][1].events.filter((e) => e.type === 'CallClosed');
    expect(closed.data).toEqual({ on: FIRST_CALL_CLOSES_ON });
  });

  it('has exactly one pair of competing proposals: the World Bank and the ILO pitching BMZ in Burkina Faso', () => {
    const pairs = proposals.flatMap((a, i) =>
      proposals.slice(i + 1).flatMap((b) => {
        const found = competition(a, b);
        return found ? [{ a: a.organisations, b: b.organisations, ...found }] : [];
      }),
    );
    expect(pairs).toEqual([
      {
        a: ['WORLD_BANK'],
        b: ['ILO'],
        callId: null,
        donor: COMPETING_DONOR,
        countries: ['BFA'],
        policyAreas: ['LNOB_INCLUSION'],
        guarantees: ['WORKING_AGE'],
        overlap: { start: '2022-07-01', end: '2024-12-31' },
      },
    ]);
    expect(table('competing proposals').inferred[0].text).toMatch(/^a pitch of case D1 \(doc 004 l\.884, report E12\)/);
  });

  it("sets the Flagship's target and commitments so that the gap is the ledger's", () => {
    const [[, fund]] = streamsOf('Fund').filter(
      ([, s]) => (s.events[0].data as { code: string }).code === FLAGSHIP_FUND,
    );
    const target = (fund.events[0].data as { target: Money }).target;
    expect(fund.events[0].data).toMatchObject({
      kind: 'GLOBAL_PROGRAMME',
      managingOrganisation: 'ILO',
      start: '2021-01-01',
    });
    const toFund = streamsOf('Contribution').filter(
      ([, s]) => (s.events[0].data as { recipient: { fundCode: string | null } }).recipient.fundCode === FLAGSHIP_FUND,
    );
    const commitments = toFund.flatMap(([, s]) =>
      s.events
        .filter((e) => (e.data as { type?: string }).type === 'INCOMING_COMMITMENT')
        .map((e) => ({ amount: (e.data as { amount: string }).amount, currency: 'USD' })),
    );
    expect(target).toEqual({ amount: '160000000.00', currency: 'USD' });
    expect(sum(commitments)).toBe('85000000.00');
    const gap = readDemoTable(DEMO_FILES.flagshipLedger, LEDGER_COLUMNS).find(
      (r) => r.fields.line_item === 'funding_gap',
    )!;
    expect(new Decimal(target.amount).minus(sum(commitments)).equals(gap.fields.amount_usd)).toBe(true);
    expect(toFund.map(([, s]) => s.events[0].data)).toEqual([
      expect.objectContaining({ donor: 'FLAGSHIP_PARTNERS', modality: 'CASH' }),
      expect.objectContaining({ donor: 'ILO', modality: 'IN_KIND' }),
    ]);
  });

  it('records an allocation to a funded programme that a disbursement above its outgoing commitment overdraws', async () => {
    const streamId = demoId('contribution', 'JOINT_SDG_FUND:1:JP-KHM');
    const transactions = runner.streams
      .get(streamId)!
      .events.slice(1)
      .map((e) => e.data as { type: string; amount: string });
    const khm = toCall.find((p) => p.jointProgrammeId === demoId('joint-programme', 'JP-KHM'))!;
    expect(transactions.map((t) => t.type)).toEqual([
      'INCOMING_COMMITMENT',
      'INCOMING_FUNDS',
      'OUTGOING_COMMITMENT',
      'DISBURSEMENT',
    ]);
    expect(transactions[0].amount).toBe(khm.funded!.amount);
    const [, , outgoing, disbursed] = transactions.map((t) => new Decimal(t.amount));
    expect(disbursed.lessThan(outgoing)).toBe(true);
    const overdraw = outgoing.minus(disbursed).plus(1).toFixed(2);
    await expect(
      runner.run(contributionAggregate, {
        streamId,
        command: {
          type: 'RecordTransaction',
          data: { type: 'DISBURSEMENT', amount: overdraw, valueDate: '2020-06-30' },
        },
        actor: systemActor,
        correlationId: 'c',
      }),
    ).rejects.toMatchObject({ code: 'OVER_DISBURSEMENT' });
  });
});

describe('apportion', () => {
  it('shares a total out in proportion, in whole units, adding up exactly', () => {
    expect(apportion(100, [1, 1, 1]).map(String)).toEqual(['34', '33', '33']);
    expect(apportion('69000000', [8, 9, 10], 1000).map(String)).toEqual(['20444000', '23000000', '25556000']);
    const shares = apportion('32000000', [4, 5, 6, 7, 8, 9, 10], 1000);
    expect(Decimal.sum(...shares).toFixed(2)).toBe('32000000.00');
  });

  it('gives the units left over to the largest remainders, ties to the earlier share', () => {
    expect(apportion(10, [1, 2, 3, 4, 5, 6]).map(String)).toEqual(['1', '1', '1', '2', '2', '3']);
    expect(apportion(2, [1, 1, 1]).map(String)).toEqual(['1', '1', '0']);
  });

  it('refuses a total that is no whole number of units, and weights that are not positive integers', () => {
    expect(() => apportion(1500, [1, 1], 1000)).toThrow(/not a whole number of 1000/);
    expect(() => apportion(10, [1, 0])).toThrow(/positive integers/);
    expect(() => apportion(10, [])).toThrow(/positive integers/);
  });
});

describe('plusDays', () => {
  it('counts calendar days across months and leap years', () => {
    expect(plusDays('2019-03-01', 60)).toBe('2019-04-30');
    expect(plusDays('2020-02-28', 1)).toBe('2020-02-29');
  });
});
