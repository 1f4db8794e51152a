import { registerEnumType } from '@nestjs/graphql';

export type EnumOf<C extends string> = { [K in C]: K };

/**
 * A GraphQL enum whose values are the codes themselves, so the schema spells them as the code,
 * the database and the docs do.
 */
export function codeEnum<C extends string>(codes: readonly C[], name: string, description: string): EnumOf<C> {
  const values = Object.fromEntries(codes.map((c) => [c, c])) as EnumOf<C>;
  registerEnumType(values, { name, description });
  return values;
}
