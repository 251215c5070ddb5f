import { LedgerResolver } from './ledger.resolver';
import { WRITE_RESOLVERS } from './write';

/** Every resolver of the API, one concept per file. Add new ones here. */
export const RESOLVERS = [LedgerResolver, ...WRITE_RESOLVERS] as const;
