import { ActivityCodesFilterInput, DeliveryStageEnum, GuaranteeEnum, PolicyAreaEnum } from '@concord/programming';
import { RegionEnum } from '../../scope/graphql/mapping-scope.types';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';

@InputType()
export class WhoDoesWhatFilterInput extends ActivityCodesFilterInput {
  @Field({ nullable: true, description: 'Running on this day (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  activeOn?: string;
}

@ObjectType()
export class MappingScopeType {
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => RegionEnum, { nullable: true }) region!: string | null;
  @Field(() => Int, { nullable: true, description: 'Countries in the region; null for one country or the world' })
  countries!: number | null;
}

@ObjectType({ description: 'Budgets of activities in one currency; activities mixing currencies are not summed' })
export class BudgetTotalType {
  @Field() currency!: string;
  @Field(() => String, { nullable: true }) required!: string | null;
  @Field(() => String, { nullable: true }) available!: string | null;
  @Field(() => String, { nullable: true }) spent!: string | null;
}

@ObjectType({ description: 'Policy area × lead organisation' })
export class AreaCellType {
  @Field(() => PolicyAreaEnum, { nullable: true, description: 'Null: activities naming no policy area' })
  policyArea!: string | null;
  @Field() organisation!: string;
  @Field(() => Int) activities!: number;
  @Field(() => Int, { description: 'Joint programmes the activities belong to' }) jointProgrammes!: number;
  @Field(() => [BudgetTotalType]) budgets!: BudgetTotalType[];
}

@ObjectType({ description: 'Sub-national area × lead organisation' })
export class PlaceCellType {
  @Field() country!: string;
  @Field(() => String, { nullable: true, description: 'Null: activities naming no sub-national area' })
  area!: string | null;
  @Field() organisation!: string;
  @Field(() => Int) activities!: number;
}

@ObjectType()
export class ActorCountType {
  @Field() organisation!: string;
  @Field(() => Int) activities!: number;
}

@ObjectType()
export class StageActorsType {
  @Field(() => DeliveryStageEnum) stage!: string;
  @Field(() => [ActorCountType], { description: 'Lead and implementing organisations, most active first' })
  actors!: ActorCountType[];
}

@ObjectType()
export class GuaranteeRowType {
  @Field(() => GuaranteeEnum) guarantee!: string;
  @Field(() => [StageActorsType]) stages!: StageActorsType[];
  @Field(() => [StageActorsType], { description: 'The implementation column split by sub-stage' })
  implementationSteps!: StageActorsType[];
  @Field(() => Int, { description: 'Distinct organisations on this guarantee: its fragmentation' })
  organisations!: number;
}

@ObjectType()
export class ActorOccurrenceType {
  @Field() organisation!: string;
  @Field(() => Int, { description: 'Cells (guarantee × stage) naming the organisation: its contribution' })
  occurrences!: number;
}

@ObjectType({ description: 'Floor guarantee × delivery stage → actors (source document 001, Fig. 7)' })
export class ActorMatrixType {
  @Field(() => [GuaranteeRowType]) rows!: GuaranteeRowType[];
  @Field(() => [ActorCountType], {
    description: 'Organisations of activities naming no guarantee or no stage: in scope, not placed in a cell',
  })
  unplaced!: ActorCountType[];
  @Field(() => [ActorOccurrenceType]) actors!: ActorOccurrenceType[];
  @Field(() => Int, { description: 'Distinct organisations: the size of the coordination effort' })
  organisations!: number;
}

@ObjectType({ description: 'A mandate an organisation declares with no matching activity in scope' })
export class MandateWithoutActivityType {
  @Field() organisation!: string;
  @Field() kind!: string;
  @Field() code!: string;
  @Field() level!: string;
}

@ObjectType({ description: "Activities in an area the lead organisation's declared mandates leave out" })
export class ActivityWithoutMandateType {
  @Field() organisation!: string;
  @Field() kind!: string;
  @Field() code!: string;
  @Field(() => Int) activities!: number;
}

@ObjectType()
export class WhoDoesWhatType {
  @Field(() => MappingScopeType) scope!: MappingScopeType;
  @Field(() => Int) activities!: number;
  @Field(() => [String], { description: 'Codes of every lead or implementing organisation in scope' })
  organisations!: string[];
  @Field(() => Int) jointProgrammes!: number;
  @Field(() => [BudgetTotalType]) budgets!: BudgetTotalType[];
  @Field(() => [AreaCellType]) byPolicyArea!: AreaCellType[];
  @Field(() => [PlaceCellType]) bySubnationalArea!: PlaceCellType[];
  @Field(() => ActorMatrixType) actorMatrix!: ActorMatrixType;
  @Field(() => [MandateWithoutActivityType]) mandatesWithoutActivity!: MandateWithoutActivityType[];
  @Field(() => [ActivityWithoutMandateType]) activitiesWithoutMandate!: ActivityWithoutMandateType[];
}
