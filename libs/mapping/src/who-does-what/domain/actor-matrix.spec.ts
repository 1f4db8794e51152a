import { actorMatrix, type ActorCell } from './actor-matrix';

const cell = (guarantee: string, stage: string, organisation: string, activities = 1): ActorCell => ({
  guarantee,
  stage,
  organisation,
  activities,
});

describe('actor matrix (doc 001, Fig. 7)', () => {
  const guarantees = ['HEALTH_CARE', 'CHILDREN'];

  it('gives every guarantee a row and every stage a column, empty ones included', () => {
    const matrix = actorMatrix([], guarantees);
    expect(matrix.rows.map((r) => r.guarantee)).toEqual(guarantees);
    expect(matrix.rows[0].stages.map((s) => s.stage)).toEqual([
      'POLICY_MAKING',
      'PLANNING_BUDGETING',
      'SCHEME_DESIGN',
      'IMPLEMENTATION',
      'MONITORING_EVALUATION',
    ]);
    expect(matrix.rows[0].stages.every((s) => s.actors.length === 0)).toBe(true);
    expect(matrix.organisations).toBe(0);
  });

  it('names the actors of a cell, most active first, and counts distinct organisations per guarantee', () => {
    const matrix = actorMatrix(
      [
        cell('CHILDREN', 'POLICY_MAKING', 'UNICEF', 3),
        cell('CHILDREN', 'POLICY_MAKING', 'ILO', 1),
        cell('CHILDREN', 'IMPLEMENTATION', 'WFP', 2),
        cell('HEALTH_CARE', 'POLICY_MAKING', 'WHO', 1),
      ],
      guarantees,
    );
    const children = matrix.rows.find((r) => r.guarantee === 'CHILDREN')!;
    expect(children.stages.find((s) => s.stage === 'POLICY_MAKING')!.actors).toEqual([
      { organisation: 'UNICEF', activities: 3 },
      { organisation: 'ILO', activities: 1 },
    ]);
    expect(children.organisations).toBe(3);
    expect(matrix.rows.find((r) => r.guarantee === 'HEALTH_CARE')!.organisations).toBe(1);
    expect(matrix.organisations).toBe(4);
  });

  it('counts occurrences as the cells naming an organisation, not its activities', () => {
    const matrix = actorMatrix(
      [
        cell('CHILDREN', 'POLICY_MAKING', 'ILO', 5),
        cell('CHILDREN', 'SCHEME_DESIGN', 'ILO', 1),
        cell('HEALTH_CARE', 'POLICY_MAKING', 'ILO', 1),
        cell('HEALTH_CARE', 'POLICY_MAKING', 'WHO', 9),
      ],
      guarantees,
    );
    expect(matrix.actors).toEqual([
      { organisation: 'ILO', occurrences: 3 },
      { organisation: 'WHO', occurrences: 1 },
    ]);
  });

  it('splits the implementation column by sub-stage without counting the sub-stage cells as occurrences', () => {
    const matrix = actorMatrix(
      [
        cell('CHILDREN', 'IMPLEMENTATION', 'WFP', 2),
        cell('CHILDREN', 'IMPLEMENTATION_SELECTION', 'WFP', 1),
        cell('CHILDREN', 'IMPLEMENTATION_BENEFIT_DELIVERY', 'WFP', 2),
      ],
      guarantees,
    );
    const children = matrix.rows.find((r) => r.guarantee === 'CHILDREN')!;
    expect(children.implementationSteps).toEqual([
      { stage: 'IMPLEMENTATION_BENEFIT_DELIVERY', actors: [{ organisation: 'WFP', activities: 2 }] },
      { stage: 'IMPLEMENTATION_SELECTION', actors: [{ organisation: 'WFP', activities: 1 }] },
    ]);
    expect(matrix.actors).toEqual([{ organisation: 'WFP', occurrences: 1 }]);
  });

  it('lists the organisations it cannot place, most active first', () => {
    const matrix = actorMatrix([], guarantees, [
      { organisation: 'UNDP', activities: 1 },
      { organisation: 'UNICEF', activities: 2 },
    ]);
    expect(matrix.unplaced).toEqual([
      { organisation: 'UNICEF', activities: 2 },
      { organisation: 'UNDP', activities: 1 },
    ]);
    expect(matrix.organisations).toBe(0);
  });
});
