import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { directoryContext, ORGANISATION_EVENT_TYPES } from '@concord/directory';

/**
 * docs/events.md is written by hand; this keeps it from drifting away from the event types in the
 * code: every type has a `### <Type>` heading in its context's section, and no heading names a type
 * that does not exist.
 */
const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'events.md'), 'utf8');

/** The `## <name>` sections of the document, by name. */
const sections = new Map(
  doc
    .split(/^(?=## )/m)
    .filter((part) => part.startsWith('## '))
    .map((part) => [part.slice(3, part.indexOf('\n')).trim(), part]),
);

const eventHeadings = (text: string): string[] => [...text.matchAll(/^### +(.+?)\s*$/gm)].map((m) => m[1]);

const contexts = [{ context: directoryContext, eventTypes: ORGANISATION_EVENT_TYPES }];
const allEventTypes = contexts.flatMap((c) => c.eventTypes);

describe('docs/events.md', () => {
  it.each(contexts.map((c) => [c.context.name, c] as const))(
    'has a "## %s" section naming its topic and one heading per event type',
    (name, { eventTypes }) => {
      const section = sections.get(name);
      expect(section).toBeDefined();
      expect(section).toContain(`concord.${name}.events.v1`);
      expect([...eventHeadings(section!)].sort()).toEqual([...eventTypes].sort());
    },
  );

  it('names no event type that does not exist, and none twice', () => {
    const headings = eventHeadings(doc);
    expect(headings.filter((h) => !allEventTypes.includes(h as never))).toEqual([]);
    expect(new Set(headings).size).toBe(headings.length);
  });

  it('gives every event a field table', () => {
    for (const type of allEventTypes) {
      const start = doc.indexOf(`### ${type}\n`);
      const next = doc.indexOf('\n#', start + 1);
      const body = start < 0 ? '' : doc.slice(start, next < 0 ? undefined : next);
      expect({ type, hasTable: /^\| field +\|/m.test(body) }).toEqual({ type, hasTable: true });
    }
  });
});
