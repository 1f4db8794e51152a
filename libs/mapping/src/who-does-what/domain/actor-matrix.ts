/**
 * The actor matrix of source document 001 (Fig. 7, rebuilt from l.403–434): floor guarantees ×
 * delivery stages, each cell naming the organisations active there. Its two computations are the
 * document's only quantitative indicators: how often each actor's name occurs in the matrix (its
 * contribution) and how many distinct organisations there are (the size of the coordination effort).
 */

/** Delivery stages, the matrix's columns, in the document's order. */
export const MATRIX_STAGES = [
  'POLICY_MAKING',
  'PLANNING_BUDGETING',
  'SCHEME_DESIGN',
  'IMPLEMENTATION',
  'MONITORING_EVALUATION',
] as const;

/** An implementation sub-stage code splits the IMPLEMENTATION column (l.404–410). */
export const isImplementationStep = (stage: string): boolean => stage.startsWith('IMPLEMENTATION_');

/** How many activities of one organisation fall in one cell. */
export interface ActorCount {
  organisation: string;
  activities: number;
}

/** One cell as the database counts it; a sub-stage cell is counted in its IMPLEMENTATION cell as well. */
export interface ActorCell extends ActorCount {
  guarantee: string;
  stage: string;
}

export interface StageActors {
  stage: string;
  actors: ActorCount[];
}

export interface GuaranteeRow {
  guarantee: string;
  stages: StageActors[];
  /** The IMPLEMENTATION column split by sub-stage, for activities that name one. */
  implementationSteps: StageActors[];
  /** Distinct organisations in the row: how fragmented work on this guarantee is. */
  organisations: number;
}

export interface ActorOccurrence {
  organisation: string;
  /** Cells of the matrix (guarantee × stage) naming the organisation. */
  occurrences: number;
}

export interface ActorMatrix {
  rows: GuaranteeRow[];
  /** Organisations of activities naming no guarantee or no stage: in scope, but not placed in a cell. */
  unplaced: ActorCount[];
  actors: ActorOccurrence[];
  /** Distinct organisations in the whole matrix. */
  organisations: number;
}

const byActivitiesThenCode = (a: ActorCount, b: ActorCount) =>
  b.activities - a.activities || a.organisation.localeCompare(b.organisation);

function columns(cells: ActorCell[], stages: readonly string[]): StageActors[] {
  return stages.map((stage) => ({
    stage,
    actors: cells
      .filter((c) => c.stage === stage)
      .map(({ organisation, activities }) => ({ organisation, activities }))
      .sort(byActivitiesThenCode),
  }));
}

/**
 * Shapes counted cells into the matrix, with every guarantee and stage given as a row or column
 * (empty ones included: an empty cell is a finding too). Occurrences count the five main columns
 * only, so an activity naming sub-stages does not count its organisation twice.
 */
export function actorMatrix(
  cells: ActorCell[],
  guarantees: readonly string[],
  unplaced: ActorCount[] = [],
): ActorMatrix {
  const rows = guarantees.map((guarantee) => {
    const mine = cells.filter((c) => c.guarantee === guarantee);
    const steps = [...new Set(mine.map((c) => c.stage).filter(isImplementationStep))].sort();
    return {
      guarantee,
      stages: columns(mine, MATRIX_STAGES),
      implementationSteps: columns(mine, steps),
      organisations: new Set(mine.map((c) => c.organisation)).size,
    };
  });
  const actors = new Map<string, ActorOccurrence>();
  for (const cell of cells) {
    if (!(MATRIX_STAGES as readonly string[]).includes(cell.stage) || !guarantees.includes(cell.guarantee)) continue;
    const actor = actors.get(cell.organisation) ?? { organisation: cell.organisation, occurrences: 0 };
    actor.occurrences += 1;
    actors.set(cell.organisation, actor);
  }
  return {
    rows,
    unplaced: [...unplaced].sort(byActivitiesThenCode),
    actors: [...actors.values()].sort(
      (a, b) => b.occurrences - a.occurrences || a.organisation.localeCompare(b.organisation),
    ),
    organisations: actors.size,
  };
}
