import { AUDIT_RESOLVERS } from './audit';
import { LedgerResolver } from './ledger.resolver';
import { READ_RESOLVERS } from './read';
import { WRITE_RESOLVERS } from './write';
import { WORKBENCH_RESOLVERS } from './workbench';

/** Every resolver of the API, one concept per file. Add new ones here. */
export const RESOLVERS = [
  LedgerResolver,
  ...WRITE_RESOLVERS,
  ...AUDIT_RESOLVERS,
  ...READ_RESOLVERS,
  ...WORKBENCH_RESOLVERS,
] as const;
