import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * A subscription sent over plain HTTP: graphql-js would run its root field as a query, which has
 * no result to give (an internal error). It is the client's mistake, told where to go instead.
 */
export const subscriptionsOverWebSocket: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError(
          'subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP',
          { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
        );
      },
    };
  },
};
