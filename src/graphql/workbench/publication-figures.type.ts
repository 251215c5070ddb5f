import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The figures a consistency finding compared, as printed (万元 or %).' })
export class PublicationFigures {
  @Field() published!: string;
  @Field() computed!: string;
  @Field() difference!: string;
}
