/**
 * How a Cooperation Framework's outcomes are covered (issue 5): which organisations work on each
 * outcome and its outputs, through activities linked to an output or joint programmes linked to
 * the outcome or an output, and the outcomes that no one, or one agency alone, works on.
 */

export interface FrameworkResult {
  id: string;
  kind: 'STRATEGIC_PRIORITY' | 'OUTCOME' | 'OUTPUT';
  code: string;
  parentCode: string | null;
  title: string;
}

/** Activities of one organisation linked to one output. */
export interface ActivityLink {
  resultId: string;
  organisation: string;
  activities: number;
}

/** A joint programme linked to a result, with its participating organisations. */
export interface JointProgrammeLink {
  resultId: string;
  jointProgrammeId: string;
  organisations: string[];
}

export interface OrganisationCoverage {
  organisation: string;
  activities: number;
  jointProgrammes: number;
}

export interface ResultCoverage {
  id: string;
  code: string;
  title: string;
  organisations: OrganisationCoverage[];
  activities: number;
  jointProgrammes: number;
}

export interface OutcomeCoverage extends ResultCoverage {
  priority: { code: string; title: string } | null;
  outputs: ResultCoverage[];
  /** No activity is linked to any of its outputs (joint programmes may still be). */
  withoutActivity: boolean;
  /** Exactly one organisation works on it. */
  singleAgency: boolean;
}

function coverage(
  result: FrameworkResult,
  activities: ActivityLink[],
  programmes: JointProgrammeLink[],
): ResultCoverage {
  const organisations = new Map<string, { activities: number; programmes: Set<string> }>();
  const of = (organisation: string) => {
    const entry = organisations.get(organisation) ?? { activities: 0, programmes: new Set<string>() };
    organisations.set(organisation, entry);
    return entry;
  };
  for (const link of activities) of(link.organisation).activities += link.activities;
  for (const link of programmes) for (const o of link.organisations) of(o).programmes.add(link.jointProgrammeId);
  return {
    id: result.id,
    code: result.code,
    title: result.title,
    organisations: [...organisations]
      .map(([organisation, e]) => ({ organisation, activities: e.activities, jointProgrammes: e.programmes.size }))
      .sort(
        (a, b) =>
          b.activities - a.activities ||
          b.jointProgrammes - a.jointProgrammes ||
          a.organisation.localeCompare(b.organisation),
      ),
    activities: activities.reduce((n, l) => n + l.activities, 0),
    jointProgrammes: new Set(programmes.map((l) => l.jointProgrammeId)).size,
  };
}

/** Every outcome in the framework's order, with its outputs, each covered by what links to it. */
export function outcomeCoverage(
  results: FrameworkResult[],
  activities: ActivityLink[],
  programmes: JointProgrammeLink[],
): OutcomeCoverage[] {
  const byCode = new Map(results.map((r) => [r.code, r]));
  const linkedTo = <L extends { resultId: string }>(links: L[], ids: Set<string>) =>
    links.filter((l) => ids.has(l.resultId));
  return results
    .filter((r) => r.kind === 'OUTCOME')
    .map((outcome) => {
      const outputs = results.filter((r) => r.kind === 'OUTPUT' && r.parentCode === outcome.code);
      const ids = new Set([outcome.id, ...outputs.map((o) => o.id)]);
      const whole = coverage(outcome, linkedTo(activities, ids), linkedTo(programmes, ids));
      const parent = outcome.parentCode === null ? undefined : byCode.get(outcome.parentCode);
      return {
        ...whole,
        priority: parent ? { code: parent.code, title: parent.title } : null,
        outputs: outputs.map((o) =>
          coverage(o, linkedTo(activities, new Set([o.id])), linkedTo(programmes, new Set([o.id]))),
        ),
        withoutActivity: whole.activities === 0,
        singleAgency: whole.organisations.length === 1,
      };
    });
}
