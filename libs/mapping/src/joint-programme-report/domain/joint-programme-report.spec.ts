import { ConcordError } from '@concord/kernel';
import { someReportInputs } from '../testing/report-inputs';
import { assembleReport, reportPeriod } from './joint-programme-report';

describe('Joint programme report assembly', () => {
  describe('the period', () => {
    it('reads a year, a half and a quarter as their first and last days', () => {
      expect(reportPeriod('2024')).toEqual({ code: '2024', year: 2024, start: '2024-01-01', end: '2024-12-31' });
      expect(reportPeriod('2024-H1')).toMatchObject({ start: '2024-01-01', end: '2024-06-30' });
      expect(reportPeriod('2024-Q3')).toMatchObject({ start: '2024-07-01', end: '2024-09-30' });
    });

    it('refuses a malformed period, naming the field and the value', () => {
      const refusal = (() => {
        try {
          return reportPeriod('2024-Q5');
        } catch (error) {
          return error as ConcordError;
        }
      })() as ConcordError;
      expect(refusal).toBeInstanceOf(ConcordError);
      expect(refusal).toMatchObject({ kind: 'BAD_USER_INPUT', code: 'INVALID_PERIOD' });
      expect(refusal.message).toBe(
        `period "2024-Q5" must be a year or half/quarter of one: '2024', '2024-H1', '2024-Q3'`,
      );
      expect(refusal.fields).toEqual([expect.objectContaining({ path: 'period', value: '2024-Q5' })]);
    });
  });

  describe('budget against expenditure by agency', () => {
    it("given budget lines and a report, when assembled, then each participant has its share, the year's budget, the period's expenditure and delivery", () => {
      const report = assembleReport(someReportInputs());
      expect(report.budget).toEqual([
        {
          organisation: 'ILO',
          organisationName: 'International Labour Organization',
          role: 'LEAD',
          budgetShare: '50',
          currency: 'USD',
          required: '600000',
          available: '500000',
          expenditure: '450000',
          delivery: '90',
        },
        expect.objectContaining({
          organisation: 'UNICEF',
          available: '400000',
          expenditure: '300500',
          delivery: '75.1',
        }),
        // WHO has neither a budget line nor expenditure, and is still listed with its share.
        expect.objectContaining({
          organisation: 'WHO',
          budgetShare: '20',
          currency: null,
          expenditure: null,
          delivery: null,
        }),
      ]);
      expect(report.budgetTotals).toEqual([
        { currency: 'USD', required: '1000000', available: '900000', expenditure: '750500', delivery: '83.4' },
      ]);
    });

    it('given lines in two currencies and a linked activity led by a non-participant, then one row per currency and the outsider last', () => {
      const report = assembleReport(
        someReportInputs({
          budgets: [
            { organisation: 'ILO', currency: 'USD', required: '10', available: '10' },
            { organisation: 'ILO', currency: 'EUR', required: '5', available: '0' },
            { organisation: 'GIZ', currency: 'EUR', required: '7', available: '7' },
          ],
          report: {
            ...someReportInputs().report,
            expenditure: [{ organisation: 'ILO', currency: 'EUR', amount: '3' }],
          },
        }),
      );
      expect(report.budget.map((b) => [b.organisation, b.role, b.currency, b.expenditure, b.delivery])).toEqual([
        ['ILO', 'LEAD', 'EUR', '3', null], // nothing funded: no delivery rate rather than a division by zero
        ['ILO', 'LEAD', 'USD', null, null],
        ['UNICEF', 'PARTICIPATING', null, null, null],
        ['WHO', 'PARTICIPATING', null, null, null],
        ['GIZ', null, 'EUR', null, null],
      ]);
      expect(report.budgetTotals.map((t) => [t.currency, t.available, t.expenditure])).toEqual([
        ['EUR', '7', '3'],
        ['USD', '10', '0'],
      ]);
    });
  });

  describe('funding by source', () => {
    it('given contributions, then money per donor, matched to the declared source by name, and declared sources with no money after', () => {
      const report = assembleReport(someReportInputs());
      expect(report.fundingAmountsShown).toBe(true);
      expect(report.funding).toEqual([
        {
          source: 'JOINT_SDG_FUND',
          sourceName: 'Joint SDG Fund',
          declared: true,
          currency: 'USD',
          committed: '2000000.00',
          received: '2000000.00',
        },
        { source: 'EU', sourceName: 'EU', declared: true, currency: null, committed: null, received: null },
      ]);
    });

    it('given a caller who may not see contributions, then the declared sources only, without amounts', () => {
      const report = assembleReport(someReportInputs({ contributions: null }));
      expect(report.fundingAmountsShown).toBe(false);
      expect(report.funding.map((f) => [f.source, f.committed])).toEqual([
        ['Joint SDG Fund', null],
        ['EU', null],
      ]);
    });

    it('marks money from a donor the programme document does not name as undeclared', () => {
      const report = assembleReport(
        someReportInputs({
          contributions: [{ donor: 'SWEDEN', donorName: null, currency: 'SEK', committed: '100', received: '0' }],
        }),
      );
      expect(report.funding[0]).toEqual({
        source: 'SWEDEN',
        sourceName: 'SWEDEN',
        declared: false,
        currency: 'SEK',
        committed: '100',
        received: '0',
      });
    });
  });

  describe('results indicators', () => {
    it("given linked results, then baseline and target from the framework, the actual by code and progress from the baseline; an unknown code's actual is kept", () => {
      const report = assembleReport(someReportInputs());
      expect(report.indicators).toEqual([
        {
          result: 'KHM-UNSDCF 1.1',
          resultTitle: 'People are covered by social protection',
          code: 'KHM-1',
          name: 'Households reached by cash transfers',
          unit: 'households',
          baseline: '0',
          target: '560000',
          actual: '560000',
          progress: '100',
        },
        expect.objectContaining({ code: 'KHM-2', baseline: '100000', target: '1500000', actual: null, progress: null }),
        {
          result: null,
          resultTitle: null,
          code: 'OTHER',
          name: null,
          unit: null,
          baseline: null,
          target: null,
          actual: '12',
          progress: null,
        },
      ]);
    });

    it('gives no progress when the target equals the baseline', () => {
      const inputs = someReportInputs();
      inputs.results[0].indicators = [{ code: 'KHM-1', name: 'Flat', unit: 'x', baseline: '5', target: '5' }];
      expect(assembleReport(inputs).indicators[0]).toMatchObject({ actual: '560000', progress: null });
    });
  });

  describe('narratives, SDG targets and markers', () => {
    it('orders narratives as the participants are listed, with the agencies named', () => {
      expect(assembleReport(someReportInputs()).narratives).toEqual([
        {
          organisation: 'ILO',
          organisationName: 'International Labour Organization',
          text: 'Pension schemes rolled out.',
        },
        {
          organisation: 'UNICEF',
          organisationName: "United Nations Children's Fund",
          text: 'Family package designed.',
        },
      ]);
    });

    it('lists SDG targets in SDG order with their titles and who names them', () => {
      const { sdgTargets } = assembleReport(someReportInputs());
      expect(sdgTargets.map((s) => [s.target, s.namedBy])).toEqual([
        ['1.3', ['programme', 'KHM-UNSDCF 1.1']],
        ['3.8', ['programme']],
      ]);
      expect(sdgTargets[0].title).toMatch(/^Implement nationally appropriate social protection systems/);
    });

    it("gives the programme's gender marker and the linked activities' markers in words", () => {
      const report = assembleReport(
        someReportInputs({
          activityMarkers: [
            { id: 'A1', title: 'Pensions', organisation: 'ILO', genderMarker: null, humanRightsMarker: 2 },
          ],
        }),
      );
      expect(report.markers).toEqual([
        {
          marker: 'GENDER_EQUALITY',
          level: 1,
          meaning: 'contributes to gender equality in a limited way',
          setOn: 'programme',
        },
        {
          marker: 'HUMAN_RIGHTS',
          level: 2,
          meaning: 'human rights are a significant objective',
          setOn: 'activity A1: Pensions (ILO)',
        },
      ]);
    });
  });
});
