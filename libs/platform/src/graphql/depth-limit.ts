import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

interface Deepest {
  depth: number;
  field?: FieldNode;
}

/**
 * Refuses operations nested deeper than `max` fields, before any resolver runs. Fragments count
 * where they are spread, so a fragment cannot hide depth.
 */
export const depthLimit =
  (max: number) =>
  (context: ValidationContext): ASTVisitor => {
    const fragmentDepths = new Map<string, Deepest>();

    const deepestIn = (set: SelectionSetNode, spreading: Set<string>): Deepest => {
      let deepest: Deepest = { depth: 0 };
      for (const selection of set.selections) {
        let found: Deepest;
        if (selection.kind === Kind.FIELD) {
          const inner = selection.selectionSet ? deepestIn(selection.selectionSet, spreading) : { depth: 0 };
          found = { depth: inner.depth + 1, field: inner.field ?? selection };
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          found = deepestIn(selection.selectionSet, spreading);
        } else {
          found = deepestInFragment(selection.name.value, spreading);
        }
        if (found.depth > deepest.depth) deepest = found;
      }
      return deepest;
    };

    // Memoised, so fragments spread many times are walked once; a cycle is NoFragmentCyclesRule's to report.
    const deepestInFragment = (name: string, spreading: Set<string>): Deepest => {
      const known = fragmentDepths.get(name);
      if (known) return known;
      const fragment = context.getFragment(name);
      if (!fragment || spreading.has(name)) return { depth: 0 };
      const deepest = deepestIn(fragment.selectionSet, new Set(spreading).add(name));
      fragmentDepths.set(name, deepest);
      return deepest;
    };

    return {
      OperationDefinition(operation) {
        const { depth, field } = deepestIn(operation.selectionSet, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(
              `Query is nested ${depth} levels deep (down to '${field?.name.value}'); the limit is ${max}`,
              {
                nodes: field ? [field] : [operation],
                extensions: { code: 'BAD_USER_INPUT' },
              },
            ),
          );
        }
        return false;
      },
    };
  };
