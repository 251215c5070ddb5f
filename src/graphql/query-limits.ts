import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { badOperationText } from './input-text';

/** Limits against abusive queries (graphql-armor): depth, cost, aliases, tokens, directives. */
export const QUERY_LIMITS = {
  maxDepth: 15,
  maxCost: 5_000,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
};

/** The largest HTTP request body and the largest WebSocket message, in bytes (1 MB). */
export const MESSAGE_LIMIT_BYTES = 1024 * 1024;

/**
 * The one configuration of those limits, for both transports: Apollo (HTTP) takes the parse
 * options, rules and plugins; graphql-ws (WebSocket) the parse options and rules through
 * `operationOverWebSocket`. Built once per server: armor's `protect()` adds its error reporter to
 * the configuration each time it is called.
 */
export interface OperationLimits {
  parseOptions: ParseOptions;
  /** Run after graphql's `specifiedRules`. */
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  introspection: boolean;
}

export function operationLimits(introspection: boolean): OperationLimits {
  const protection = new ApolloArmor({
    // Introspection counts too (a deep __schema query costs like any other); 15 leaves room for
    // the IDEs' standard introspection query, whose type references nest about 13 levels.
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // The token limit is graphql-js's own (parseOptions): armor's runs in a plugin hook whose
    // errors, syntax errors included, Apollo answers with HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: protection.validationRules,
    plugins: protection.plugins as ApolloServerPlugin[],
    introspection,
  };
}

/**
 * graphql-ws's onSubscribe hook: the operation parsed and validated as Apollo does over HTTP (the
 * same token limit, graphql's rules, the same armor rules, introspection off when it is off there),
 * then its text checked (src/graphql/input-text). Either the arguments to run it with, so that
 * graphql-ws neither parses nor validates it again without the limits, or the errors to answer
 * with, coded as Apollo codes them so that formatError makes them the same as over HTTP.
 */
export function operationOverWebSocket(
  schema: GraphQLSchema,
  limits: OperationLimits,
  payload: {
    query: string;
    operationName?: string | null;
    variables?: Record<string, unknown> | null;
  },
): ExecutionArgs | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query, limits.parseOptions);
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return [coded(err, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED)];
  }
  const rules = [
    ...specifiedRules,
    ...limits.validationRules,
    ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const invalid = validate(schema, document, rules);
  if (invalid.length > 0)
    return invalid.map((e) => coded(e, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED));
  const bad = badOperationText(payload.variables, document);
  if (bad) return [bad];
  return {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
  };
}

/** As Apollo's SyntaxError and ValidationError: the message and locations kept, the code set. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error,
    extensions: { ...error.extensions, code },
  });
}
