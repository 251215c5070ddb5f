/**
 * The auditor's part of the API: the event log, replay, provenance, diff, and the subscriptions.
 */
import { DiffResolver } from './diff.resolver';
import { EventsResolver } from './events.resolver';
import { ProvenanceResolver } from './provenance.resolver';
import { ReplayResolver } from './replay.resolver';
import { AuditSubscriptionResolver } from './subscriptions.resolver';

export const AUDIT_RESOLVERS = [
  EventsResolver,
  ReplayResolver,
  ProvenanceResolver,
  DiffResolver,
  AuditSubscriptionResolver,
] as const;
