import { organisationAggregate } from '@concord/directory';
import { DEMO_FILES } from '../demo-data';
import { demoStep, demoStreamId, organisationStream, type DemoTable, type PlanContext } from '../demo-plan';
import type { DemoOrganisation } from '../organisation-names';

/** data/organisations.csv: every UN entity and partner the documents name, registered once. */
export function planOrganisations(ctx: PlanContext, organisations: readonly DemoOrganisation[]): DemoTable {
  return {
    name: 'organisations',
    source: DEMO_FILES.organisations,
    records: organisations.map((org) => {
      const { code, name, names, type, iatiOrgId, parent, country } = org;
      const parentId = parent === undefined ? undefined : demoStreamId(organisationStream(parent));
      const register = demoStep(organisationAggregate, organisationStream(code), 'register', {
        type: 'RegisterOrganisation',
        data: { code, name, names, type, iatiOrgId, parentId },
      });
      // A national institution works where it is: stated, so RESIDENT and not an inference.
      const home = country === undefined ? [] : ctx.presences([code], [country], 'RESIDENT').steps;
      return {
        label: code,
        steps: [register, ...home],
        inferred: org.inferred ? [org.note ?? `implied by ${org.source}`] : [],
        leftOut: [],
      };
    }),
  };
}
