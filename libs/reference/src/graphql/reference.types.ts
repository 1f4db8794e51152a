import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { VOCABULARIES } from '../vocabularies';

@ObjectType('Labels', { description: 'A label in English, and French and Spanish where known' })
export class LabelsType {
  @Field() en!: string;
  @Field(() => String, { nullable: true }) fr?: string;
  @Field(() => String, { nullable: true }) es?: string;
}

@ObjectType('Country')
export class CountryType {
  @Field({ description: 'ISO 3166-1 alpha-3, used everywhere in Concord' }) code!: string;
  @Field({ description: 'ISO 3166-1 alpha-2, used by IATI' }) alpha2!: string;
  @Field(() => LabelsType) name!: LabelsType;
}

@ObjectType('CodeItem', { description: 'An entry of a code list: currency, organisation type, SDG goal…' })
export class CodeItemType {
  @Field() code!: string;
  @Field(() => LabelsType) name!: LabelsType;
}

@ObjectType('SdgTarget')
export class SdgTargetType {
  @Field() code!: string;
  @Field() goal!: string;
  @Field(() => LabelsType) name!: LabelsType;
}

@ObjectType('VocabularyEntry')
export class VocabularyEntryType {
  @Field({ description: 'The code, spelled as in every API, import and export' }) code!: string;
  @Field(() => LabelsType) label!: LabelsType;
  @Field(() => String, { nullable: true, description: 'The IATI code, where the vocabulary maps onto one' })
  iatiCode?: string;
}

/** The document vocabularies by name (policyAreas, guarantees, stages…). */
export const VocabularyNameEnum = Object.fromEntries(Object.keys(VOCABULARIES).map((n) => [n, n])) as {
  [K in keyof typeof VOCABULARIES]: K;
};
registerEnumType(VocabularyNameEnum, { name: 'VocabularyName' });
