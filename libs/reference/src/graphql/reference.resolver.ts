import { ConcordError } from '@concord/kernel';
import { Args, Query, Resolver } from '@nestjs/graphql';
import {
  countryByCode,
  listCountries,
  listCurrencies,
  listOrganisationTypes,
  listSdgGoals,
  listSdgTargets,
  listVocabulary,
} from '../reference-data';
import type { VocabularyName } from '../vocabularies';
import { CodeItemType, CountryType, SdgTargetType, VocabularyEntryType, VocabularyNameEnum } from './reference.types';

/** Accents, case and punctuation folded, so "cote d ivoire" finds "Côte-d'Ivoire". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Reference data for pickers and validation messages; public, no sign-in needed. */
@Resolver()
export class ReferenceResolver {
  @Query(() => [CountryType], { description: 'Countries, optionally those whose code or name contains `search`' })
  countries(@Args('search', { nullable: true }) search?: string) {
    if (!search) return listCountries();
    const needle = fold(search);
    return listCountries().filter(
      (c) => c.code.toLowerCase() === needle || Object.values(c.name).some((n) => fold(n).includes(needle)),
    );
  }

  @Query(() => CountryType, { nullable: true })
  country(@Args('code') code: string) {
    return countryByCode(code) ?? null;
  }

  @Query(() => [CodeItemType], { description: 'ISO 4217 currencies (IATI Currency codelist)' })
  currencies() {
    return listCurrencies();
  }

  @Query(() => [CodeItemType], { description: 'IATI OrganisationType codelist' })
  organisationTypes() {
    return listOrganisationTypes();
  }

  @Query(() => [CodeItemType], { description: 'The 17 Sustainable Development Goals' })
  sdgGoals() {
    return listSdgGoals();
  }

  @Query(() => [SdgTargetType], { description: 'The 169 SDG targets, optionally of one goal' })
  sdgTargets(@Args('goal', { nullable: true }) goal?: string) {
    if (goal && !listSdgGoals().some((g) => g.code === goal)) {
      throw ConcordError.badInput('UNKNOWN_CODE', { path: 'goal', value: goal, message: 'is not an SDG goal (1–17)' });
    }
    return goal ? listSdgTargets().filter((t) => t.goal === goal) : listSdgTargets();
  }

  @Query(() => [VocabularyEntryType], { description: 'A document vocabulary: policy areas, guarantees, stages…' })
  vocabulary(@Args('name', { type: () => VocabularyNameEnum }) name: VocabularyName) {
    return listVocabulary(name);
  }
}
