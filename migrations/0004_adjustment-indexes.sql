-- Why: the adjustments query reads submissions and their reviews straight from the log (no read model to keep in step); these partial indexes keep it from scanning every event.
-- Up Migration

-- Submissions in log order: the query's page order and cursor.
CREATE INDEX events_adjustment_submitted ON events (global_position) WHERE type = 'AdjustmentSubmitted';
-- The review of one adjustment: same stream, same adjustment id.
CREATE INDEX events_adjustment_reviewed ON events (stream_id, (data->>'adjustmentId'))
  WHERE type IN ('AdjustmentApproved', 'AdjustmentRejected');
