import { LedgerResolver } from './ledger.resolver';

/** Every resolver of the API, one concept per file. Add new ones here. */
export const RESOLVERS = [LedgerResolver] as const;
