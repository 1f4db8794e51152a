import { GraphQLScalarType } from 'graphql';

/** Event payloads in the audit trail, passed through as JSON values. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => value,
});
