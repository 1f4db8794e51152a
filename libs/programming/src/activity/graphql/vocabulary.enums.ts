import {
  ACTIVITY_STATUSES,
  FUNCTIONS,
  GUARANTEES,
  ORGANISATION_ROLES,
  POLICY_AREAS,
  STAGES,
  TARGET_GROUPS,
  type VocabularyEntry,
} from '@concord/reference';
import { codeEnum, type EnumOf } from '@concord/platform';
import { registerEnumType } from '@nestjs/graphql';
import { ACTIVITY_SOURCES, LANGUAGES } from '../domain/activity.events';

/**
 * A GraphQL enum whose values are the vocabulary's codes, so the schema can never spell a code
 * differently from FORMAT.md, the database or an import; each value carries its English label.
 */
function vocabularyEnum<E extends readonly VocabularyEntry[]>(
  entries: E,
  name: string,
  description: string,
): EnumOf<E[number]['code']> {
  const values = Object.fromEntries(entries.map((e) => [e.code, e.code])) as EnumOf<E[number]['code']>;
  const valuesMap = Object.fromEntries(entries.map((e) => [e.code, { description: e.label.en }])) as Partial<
    Record<E[number]['code'], { description: string }>
  >;
  registerEnumType(values, { name, description, valuesMap });
  return values;
}

export const PolicyAreaEnum = vocabularyEnum(POLICY_AREAS, 'PolicyArea', 'The six key policy areas (doc 000)');
export const GuaranteeEnum = vocabularyEnum(GUARANTEES, 'Guarantee', 'Social protection floor guarantees (doc 001)');
export const DeliveryStageEnum = vocabularyEnum(STAGES, 'DeliveryStage', 'Delivery stages (doc 001 actor matrix)');
export const ActivityFunctionEnum = vocabularyEnum(
  FUNCTIONS,
  'ActivityFunction',
  'What kind of support an activity gives',
);
export const TargetGroupEnum = vocabularyEnum(
  TARGET_GROUPS,
  'TargetGroup',
  'Target groups (SDG 1.3.1 and the documents)',
);
export const ActivityStatusEnum = vocabularyEnum(ACTIVITY_STATUSES, 'ActivityStatus', 'IATI ActivityStatus, by name');
export const OrganisationRoleEnum = vocabularyEnum(
  ORGANISATION_ROLES,
  'OrganisationRole',
  "A partner's role in an activity: IATI OrganisationRole, by name",
);
export const ActivitySourceEnum = codeEnum(ACTIVITY_SOURCES, 'ActivitySource', "Where an activity's record came from");
export const LanguageEnum = codeEnum(LANGUAGES, 'Language', 'ISO 639-1 language code');
