import type { DemoNote, DemoSummary, TableSummary } from './demo-loader';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const listed = (heading: string, notes: DemoNote[]) =>
  notes.length ? [`  ${heading}:`, ...notes.map((n) => `    ${n.record}: ${n.text}`)] : [];

/**
 * A table's progress line, then what could not be loaded and why; with `verbose`, also what was
 * inferred and which parts of the rows were left out.
 */
export function describeTable(table: TableSummary, verbose = false): string[] {
  const counts = [
    `${table.created} created`,
    `${table.alreadyThere} already there`,
    `${table.skipped.length} skipped`,
    ...(table.refused.length ? [`${table.refused.length} refused`] : []),
    plural(table.events, 'event'),
    `${table.inferred.length} inferred details`,
  ];
  return [
    `${table.name} (${table.source}): ${counts.join(', ')}`,
    ...listed('skipped', table.skipped),
    ...listed('refused', table.refused),
    ...(verbose ? [...listed('inferred', table.inferred), ...listed('left out', table.leftOut)] : []),
  ];
}

/** The totals: records created, already there and skipped, and events appended. */
export function totals(summary: DemoSummary) {
  const sum = (count: (t: TableSummary) => number) => summary.tables.reduce((n, t) => n + count(t), 0);
  return {
    created: sum((t) => t.created),
    alreadyThere: sum((t) => t.alreadyThere),
    skipped: sum((t) => t.skipped.length),
    refused: sum((t) => t.refused.length),
    events: summary.events,
    eventsInStore: summary.eventsInStore,
  };
}

export function describeTotals(summary: DemoSummary): string {
  const t = totals(summary);
  return (
    `demo: ${t.created} created, ${t.alreadyThere} already there, ${t.skipped} skipped` +
    `${t.refused ? `, ${t.refused} refused` : ''}; appended ${plural(t.events, 'event')} ` +
    `(the event store holds ${plural(t.eventsInStore, 'event')})`
  );
}
