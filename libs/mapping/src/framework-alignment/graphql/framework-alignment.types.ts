import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class AlignedFrameworkType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() title!: string;
  @Field(() => [String]) countries!: string[];
  @Field() startDate!: string;
  @Field() endDate!: string;
  @Field() status!: string;
}

@ObjectType()
export class OrganisationCoverageType {
  @Field() organisation!: string;
  @Field(() => Int) activities!: number;
  @Field(() => Int) jointProgrammes!: number;
}

@ObjectType()
export class PriorityRefType {
  @Field() code!: string;
  @Field() title!: string;
}

@ObjectType({ description: 'An output and who works on it' })
export class OutputCoverageType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() title!: string;
  @Field(() => [OrganisationCoverageType]) organisations!: OrganisationCoverageType[];
  @Field(() => Int) activities!: number;
  @Field(() => Int) jointProgrammes!: number;
}

@ObjectType({ description: 'Budgets of the activities linked to an outcome, in one currency' })
export class OutcomeBudgetType {
  @Field() currency!: string;
  @Field() required!: string;
  @Field() available!: string;
  @Field() spent!: string;
  @Field({ description: 'required − available' }) gap!: string;
}

@ObjectType({ description: 'An outcome: who works on it through its outputs and linked joint programmes' })
export class OutcomeAlignmentType extends OutputCoverageType {
  @Field(() => PriorityRefType, { nullable: true }) priority!: PriorityRefType | null;
  @Field(() => [OutputCoverageType]) outputs!: OutputCoverageType[];
  @Field({ description: 'No activity is linked to its outputs' }) withoutActivity!: boolean;
  @Field({ description: 'Exactly one organisation works on it' }) singleAgency!: boolean;
  @Field(() => [OutcomeBudgetType]) budgets!: OutcomeBudgetType[];
  @Field({ description: 'More required than available in some currency' }) fundingGap!: boolean;
}

@ObjectType()
export class OrganisationActivitiesType {
  @Field() organisation!: string;
  @Field(() => Int) activities!: number;
}

@ObjectType()
export class JointProgrammeRefType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() title!: string;
}

@ObjectType()
export class SdgTargetCountType {
  @Field() target!: string;
  @Field(() => Int) activities!: number;
}

@ObjectType()
export class FrameworkAlignmentType {
  @Field(() => AlignedFrameworkType) framework!: AlignedFrameworkType;
  @Field(() => [OutcomeAlignmentType]) outcomes!: OutcomeAlignmentType[];
  @Field(() => Int) linkedActivities!: number;
  @Field(() => [OrganisationActivitiesType], {
    description: "Activities in the framework's countries and period linked to none of its outputs, by lead",
  })
  unlinkedActivities!: OrganisationActivitiesType[];
  @Field(() => Int) linkedJointProgrammes!: number;
  @Field(() => [JointProgrammeRefType], {
    description: "Programmes in the framework's countries and period linked to none of its results",
  })
  unlinkedJointProgrammes!: JointProgrammeRefType[];
  @Field(() => [String], { description: "The framework's SDG targets no activity in scope names" })
  sdgTargetsNotServed!: string[];
  @Field(() => [SdgTargetCountType], {
    description: 'SDG targets activities in scope name that the framework does not',
  })
  sdgTargetsOutsideFramework!: SdgTargetCountType[];
}
