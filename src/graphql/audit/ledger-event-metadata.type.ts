import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { JsonObject } from '../../events/types';

@ObjectType('LedgerEventMetadata', {
  description: 'Who caused an event, why, on which document, and the request it belongs to.',
})
export class LedgerEventMetadata {
  @Field(() => String, {
    nullable: true,
    description: 'The caller recorded by the API, e.g. "budget_officer:张三".',
  })
  actor!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'The document (文号) the caller cited.' })
  documentRef!: string | null;
  @Field(() => String, { nullable: true }) correlationId!: string | null;
  @Field(() => String, { nullable: true }) causationId!: string | null;
  @Field(() => JSONObjectResolver, {
    description: 'The metadata as stored, including keys not listed above.',
  })
  json!: JsonObject;
}
