import { buildSchema, parse, validate } from 'graphql';
import { depthLimit } from './depth-limit';

describe('depthLimit', () => {
  // A self-referencing type, so any depth can be asked for.
  const schema = buildSchema(`
    type Organisation { name: String  parent: Organisation  children: [Organisation] }
    type Query { organisation: Organisation }
  `);
  const errorsFor = (query: string, max = 3) => validate(schema, parse(query), [depthLimit(max)]).map((e) => e.message);

  it('accepts a query at the limit', () => {
    expect(errorsFor(`{ organisation { parent { name } } }`)).toEqual([]);
  });

  it('refuses a query one level past the limit, naming the depth and the deepest field', () => {
    expect(errorsFor(`{ organisation { parent { parent { name } } } }`)).toEqual([
      "Query is nested 4 levels deep (down to 'name'); the limit is 3",
    ]);
  });

  it('counts fields inside fragment spreads where they are spread', () => {
    const query = `
      query { organisation { ...Up } }
      fragment Up on Organisation { parent { ...Name } }
      fragment Name on Organisation { parent { name } }`;
    expect(errorsFor(query)).toEqual(["Query is nested 4 levels deep (down to 'name'); the limit is 3"]);
  });

  it('counts inline fragments too', () => {
    expect(errorsFor(`{ organisation { ... on Organisation { parent { children { name } } } } }`)).toEqual([
      "Query is nested 4 levels deep (down to 'name'); the limit is 3",
    ]);
  });

  it('walks a fragment spread many times only once, and does not loop on a fragment cycle', () => {
    const fanOut = Array.from({ length: 200 }, () => '...A').join(' ');
    expect(errorsFor(`{ organisation { ${fanOut} } } fragment A on Organisation { name }`)).toEqual([]);
    const cycle = `{ organisation { ...A } } fragment A on Organisation { parent { ...A } }`;
    expect(errorsFor(cycle, 12)).toEqual([]);
  });
});
