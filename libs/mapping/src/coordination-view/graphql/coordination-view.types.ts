import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class BodySeatMemberType {
  @Field() organisation!: string;
  @Field() chair!: boolean;
  @Field() since!: string;
}

@ObjectType({ description: 'An active coordination body of the country and who sits in it' })
export class BodySeatType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() kind!: string;
  @Field(() => [BodySeatMemberType], { description: 'Chairs first' }) members!: BodySeatMemberType[];
}

@ObjectType()
export class AbsentOrganisationType {
  @Field() organisation!: string;
  @Field(() => Int, { description: 'Its activities in the country (lead or implementing)' }) activities!: number;
}

@ObjectType({ description: 'The latest interaction level recorded between two stakeholders' })
export class InteractionType {
  @Field(() => [String]) organisations!: string[];
  @Field({ description: 'SILOS, INFORMATION_SHARING, POLICY_ALIGNMENT or COOPERATION (doc 001)' }) level!: string;
  @Field({ description: 'The body it was recorded in' }) body!: string;
  @Field() recordedAt!: string;
}

@ObjectType()
export class CoordinationViewType {
  @Field() country!: string;
  @Field(() => [BodySeatType]) bodies!: BodySeatType[];
  @Field(() => Int, { description: 'Active social protection working groups in the country' }) workingGroups!: number;
  @Field(() => [AbsentOrganisationType], {
    description:
      'Organisations with activities in the country that sit in none of its social protection working groups',
  })
  absentFromWorkingGroup!: AbsentOrganisationType[];
  @Field(() => [InteractionType]) interactions!: InteractionType[];
}
