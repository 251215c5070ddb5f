/**
 * What the web workbench needs and integrators get too: who am I, what is published, previews
 * (of an adjustment, of a publication), adjustments as they change.
 */
import { AdjustmentChangesResolver } from './adjustment-changes.resolver';
import { AdjustmentPreviewResolver } from './adjustment-preview.resolver';
import { PublicationCheckResolver } from './publication-check.resolver';
import { PublishedDisclosuresResolver } from './published-disclosures.resolver';
import { ViewerResolver } from './viewer.resolver';

export const WORKBENCH_RESOLVERS = [
  ViewerResolver,
  PublishedDisclosuresResolver,
  AdjustmentPreviewResolver,
  AdjustmentChangesResolver,
  PublicationCheckResolver,
] as const;
