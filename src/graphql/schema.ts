import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { LOG_ONLY_PUBSUB } from './audit/log-pubsub';
import { authChecker } from './auth';
import { RESOLVERS } from './resolvers';

let built: Promise<GraphQLSchema> | null = null;

/**
 * The schema, built once per process (type-graphql reads decorator metadata; building is not free).
 */
export function buildLedgerSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: false,
    pubSub: LOG_ONLY_PUBSUB,
  });
  return built;
}

/**
 * The schema as committed in schema.graphql: sorted, so that the file changes only with the API.
 */
export async function printLedgerSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildLedgerSchema())) + '\n';
}
