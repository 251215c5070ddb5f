import { Field, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { BudgetCommandInput } from './budget-command.input';
import { VehicleUseInput } from './vehicle-use.input';

@InputType({ description: '国有资产占有使用情况 at a date.' })
export class RecordStateAssetsInput extends BudgetCommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'ISO date the holdings are stated at; default today.',
  })
  asOf?: string | null;
  @Field(() => Int, { description: '车辆编制数' }) vehicleEstablishment!: number;
  @Field(() => Int, { description: '实有车辆数' }) vehiclesActual!: number;
  @Field(() => [VehicleUseInput], { nullable: true }) vehiclesByUse?: VehicleUseInput[] | null;
  @Field(() => DecimalScalar, { description: 'Office space, m² (2 decimals at most).' })
  officeSpaceM2!: string;
  @Field(() => Int, { description: 'Equipment items of unit value over 500,000 yuan.' })
  equipmentOver500k!: number;
  @Field(() => Int, { description: 'Equipment items of unit value over 1,000,000 yuan.' })
  equipmentOver1m!: number;
}
