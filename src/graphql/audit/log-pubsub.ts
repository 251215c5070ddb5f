import type { PubSub } from 'type-graphql';

/**
 * type-graphql refuses to build a schema with subscriptions unless `buildSchema` gets a PubSub,
 * even when every subscription brings its own `subscribe` function. Ours do: they read the event
 * log from the client's checkpoint (LedgerEventsHub), so that a restart loses nothing, which an
 * in-memory topic bus could not promise. This PubSub exists to satisfy the builder and refuses use.
 */
export const LOG_ONLY_PUBSUB: PubSub = {
  publish() {
    throw new Error('subscriptions read the event log; nothing is published in memory');
  },
  subscribe() {
    throw new Error('subscriptions read the event log; use a subscribe function, not topics');
  },
};
