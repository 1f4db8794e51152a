import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as directory from '@concord/directory';
import * as duplication from '@concord/duplication';
import * as funding from '@concord/funding';
import type { BoundedContext } from '@concord/platform';
import * as programming from '@concord/programming';

/**
 * docs/events.md is written by hand; this keeps it from drifting away from the event types in the
 * code. Every `*_EVENT_TYPES` array a context lib exports is read, so a new aggregate is checked as
 * soon as its lib exports its events file: each type has exactly one `### <Type>` heading, in its
 * context's `## <context>` section, with a field table; no heading names a type that does not exist.
 */
const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'events.md'), 'utf8');

/** The libs whose events the document covers: each lib's exports and its bounded context. */
const libs: { context: BoundedContext; exports: Record<string, unknown> }[] = [
  { context: directory.directoryContext, exports: directory },
  { context: programming.programmingContext, exports: programming },
  { context: funding.fundingContext, exports: funding },
  { context: duplication.duplicationContext, exports: duplication },
];

/** One exported `*_EVENT_TYPES` array: `ORGANISATION_EVENT_TYPES` of context `directory`, … */
interface EventTypeList {
  context: string;
  name: string;
  types: unknown;
}

const lists: EventTypeList[] = libs.flatMap(({ context, exports }) =>
  Object.entries(exports)
    .filter(([name]) => name.endsWith('_EVENT_TYPES'))
    .map(([name, types]) => ({ context: context.name, name, types })),
);
const typesOf = (list: EventTypeList): string[] => (Array.isArray(list.types) ? (list.types as string[]) : []);
const allEventTypes = lists.flatMap(typesOf);

/** The `## <name>` sections of the document, by name. */
const sections = new Map(
  doc
    .split(/^(?=## )/m)
    .filter((part) => part.startsWith('## '))
    .map((part) => [part.slice(3, part.indexOf('\n')).trim(), part]),
);

const eventHeadings = (text: string): string[] => [...text.matchAll(/^### +(.+?)\s*$/gm)].map((m) => m[1]);

/** `CoordinationBody` → `COORDINATION_BODY_EVENT_TYPES`, the export every stream type is expected to have. */
const listNameOf = (streamType: string) =>
  `${streamType.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toUpperCase()}_EVENT_TYPES`;

describe('docs/events.md', () => {
  it.each(libs.map(({ context }) => [context.name, context] as const))(
    '%s exports an event type list for every stream type, and its section names topic and stream types',
    (name, context) => {
      const exported = lists.filter((list) => list.context === name).map((list) => list.name);
      expect(exported).toEqual(expect.arrayContaining(context.streams.map((s) => listNameOf(s.streamType))));
      const section = sections.get(name);
      expect(section).toBeDefined();
      expect(section).toContain(`concord.${name}.events.v1`);
      for (const { streamType } of context.streams) expect(section).toContain(`stream type \`${streamType}\``);
    },
  );

  it.each(lists.map((list) => [list.name, list] as const))(
    '%s: each type has exactly one heading, in its context section, and a field table',
    (_name, list) => {
      const types = typesOf(list);
      expect(Array.isArray(list.types) && types.length > 0 && types.every((t) => typeof t === 'string')).toBe(true);
      const inSection = eventHeadings(sections.get(list.context) ?? '');
      const count = (headings: string[], type: string) => headings.filter((h) => h === type).length;
      expect(
        types.map((type) => ({ type, inSection: count(inSection, type), inDoc: count(eventHeadings(doc), type) })),
      ).toEqual(types.map((type) => ({ type, inSection: 1, inDoc: 1 })));
      for (const type of types) {
        const start = doc.indexOf(`### ${type}\n`);
        const next = doc.indexOf('\n#', start + 1);
        const body = start < 0 ? '' : doc.slice(start, next < 0 ? undefined : next);
        expect({ type, hasTable: /^\| field +\|/m.test(body) }).toEqual({ type, hasTable: true });
      }
    },
  );

  it('each section holds the headings of its own context only', () => {
    for (const { context } of libs) {
      const own = lists.filter((list) => list.context === context.name).flatMap(typesOf);
      const headings = eventHeadings(sections.get(context.name) ?? '');
      expect({ context: context.name, foreign: headings.filter((h) => !own.includes(h)) }).toEqual({
        context: context.name,
        foreign: [],
      });
    }
  });

  it('names no event type that does not exist', () => {
    expect(eventHeadings(doc).filter((h) => !allEventTypes.includes(h))).toEqual([]);
  });

  it('finds every event type in one list only (projections pick events by type across contexts)', () => {
    expect(allEventTypes.filter((type, i) => allEventTypes.indexOf(type) !== i)).toEqual([]);
  });
});
