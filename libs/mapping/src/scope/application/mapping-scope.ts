import { ConcordError } from '@concord/kernel';
import type { ActivityFilter } from '@concord/programming';
import { countriesIn, isVocabularyCode, requireCountryCode } from '@concord/reference';

/** Where to look: one country, one region, or (neither) the world. */
export interface MappingScope {
  country?: string;
  region?: string;
}

/** The scope as an activity filter, and its countries (none for the world); refuses what names nothing. */
export function scopedFilter(scope: MappingScope): {
  countries?: string[];
  filter: Pick<ActivityFilter, 'country' | 'countries'>;
} {
  if (scope.country !== undefined && scope.region !== undefined) {
    throw ConcordError.badInput('SCOPE_AMBIGUOUS', {
      path: 'scope',
      value: scope,
      message: 'give a country or a region, not both (neither means the world)',
    });
  }
  if (scope.country !== undefined) {
    requireCountryCode(scope.country, 'scope.country');
    return { countries: [scope.country], filter: { country: scope.country } };
  }
  if (scope.region !== undefined) {
    if (!isVocabularyCode('regions', scope.region)) {
      throw ConcordError.badInput('UNKNOWN_REGION', {
        path: 'scope.region',
        value: scope.region,
        message: 'is not a region code (see the regions vocabulary)',
      });
    }
    const countries = [...countriesIn(scope.region)];
    return { countries, filter: { countries } };
  }
  return { filter: {} };
}
