import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ObjectType('Money', { description: 'An amount in a currency; the amount is a decimal string, never a float' })
export class MoneyType {
  @Field({ description: 'Decimal string, e.g. "250000.50"' }) amount!: string;
  @Field({ description: 'ISO 4217' }) currency!: string;
}

@InputType('MoneyInput')
export class MoneyInput {
  @Field({ description: 'Decimal string greater than zero, at most 3 decimals, e.g. "250000.50"' })
  @IsString()
  @MaxLength(20)
  amount!: string;
  @Field({ description: 'ISO 4217, e.g. USD' }) @IsString() @MaxLength(3) currency!: string;
}
