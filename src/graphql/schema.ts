import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { LedgerResolver } from './ledger.resolver';

export const RESOLVERS = [LedgerResolver] as const;

export function buildLedgerSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}
