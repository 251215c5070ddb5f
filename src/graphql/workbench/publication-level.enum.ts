import { registerEnumType } from 'type-graphql';

/** GraphQL names for the publication gate's levels (the values are the domain's). */
export enum PublicationLevel {
  FATAL = 'FATAL',
  WARNING = 'WARNING',
  SUGGEST = 'SUGGEST',
}
registerEnumType(PublicationLevel, {
  name: 'PublicationLevel',
  description:
    'FATAL refuses publication; WARNING refuses it unless its rule id is in `acknowledge`; SUGGEST is reported only.',
});
