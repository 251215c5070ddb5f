import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?\d+(\.\d{1,2})?$/;

/**
 * Money: yuan (or 万元 where a field says so) as a decimal string with at most 2 decimals. Never a
 * JSON number: a float cannot hold 0.1 exactly, and amounts must survive every hop unchanged.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal amount as a string, at most 2 decimals, e.g. "753249.60". Never a float.',
  serialize: (v) => String(v),
  parseValue: (v) => parseDecimal(v),
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDecimal(v: unknown): string {
  if (typeof v !== 'string' || !DECIMAL.test(v)) {
    throw new GraphQLError('Decimal must be a string like "1234.56" (at most 2 decimals)', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return v;
}

/** A global position or stream version: 64-bit, so a decimal string on the wire. */
export const PositionScalar = new GraphQLScalarType<bigint, string>({
  name: 'Position',
  description:
    'A global log position or a stream version: a non-negative 64-bit integer as a decimal string.',
  serialize: (v) => String(v),
  parseValue: (v) => parsePosition(v),
  parseLiteral: (ast) =>
    parsePosition(ast.kind === Kind.STRING || ast.kind === Kind.INT ? ast.value : undefined),
});

/** PostgreSQL's bigint: a larger position would fail in the database, not as the caller's error. */
const MAX_POSITION = 2n ** 63n - 1n;

function parsePosition(v: unknown): bigint {
  const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
  if (typeof s !== 'string' || !/^\d{1,19}$/.test(s) || BigInt(s) > MAX_POSITION) {
    throw new GraphQLError(
      'Position must be a non-negative integer up to 9223372036854775807 as a string, e.g. "1234"',
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return BigInt(s);
}
