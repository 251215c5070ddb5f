import type pg from 'pg';
import type { LedgerService } from '../app/ledger-service';
import { budgetStreamId, unitStreamId } from '../domain';
import type { EventStore } from '../events/event-store';
import { DigestError, ledgerDigest } from '../events/integrity';
import { FISCAL_YEAR, SEED_NAME, seedSteps, type SeedStep } from './fenyang-2024';

export interface SeedResult {
  applied: number;
  skipped: number;
}

/**
 * Loads the seed ledger through the ordinary write path (every rule applies). Each step carries a
 * stable idempotency key, and a step already in the log is skipped, so running the seed again
 * appends nothing — including the publication, whose position and digest depend on when it ran.
 */
export async function loadSeed(
  service: LedgerService,
  store: EventStore,
  pool: pg.Pool,
  log: (m: string) => void = () => undefined,
): Promise<SeedResult> {
  const result: SeedResult = { applied: 0, skipped: 0 };
  let last: bigint | null = null;
  for (const step of seedSteps()) {
    const streamId =
      step.kind === 'unit'
        ? unitStreamId(step.unitCode)
        : budgetStreamId(step.unitCode, FISCAL_YEAR);
    const key = `seed:${SEED_NAME}:${step.key}`;
    if (await service.isRecorded(streamId, key)) {
      result.skipped++;
      continue;
    }
    last = (await applyStep(step, key, service, store, pool, last)) ?? last;
    result.applied++;
  }
  log(
    `seed ${SEED_NAME}: ${result.applied} steps applied, ${result.skipped} already in the ledger`,
  );
  return result;
}

/** Applies one step; returns the position of its last event. */
async function applyStep(
  step: SeedStep,
  key: string,
  service: LedgerService,
  store: EventStore,
  pool: pg.Pool,
  last: bigint | null,
): Promise<bigint | null> {
  const opts = { actor: step.actor, idempotencyKey: key, correlationId: `seed:${SEED_NAME}` };
  let r;
  if (step.kind === 'unit') {
    r = await service.registerUnit(step.command, opts);
  } else if (step.kind === 'budget') {
    r = await service.execute(step.unitCode, FISCAL_YEAR, step.command, {
      ...opts,
      documentRef: documentOf(step),
    });
  } else {
    // The publication records the position it reflects (the seed's last event before it) and
    // the digest of the log up to there.
    const position = last ?? (await store.settledPosition());
    const { digest } = await settledDigest(pool, position);
    r = await service.execute(
      step.unitCode,
      FISCAL_YEAR,
      {
        type: 'PublishDisclosure',
        data: {
          disclosureId: step.disclosureId,
          publishedAt: step.publishedAt,
          ledgerPosition: position.toString(),
          digest,
          title: step.title,
          layout: 'shanxi-13',
        },
      },
      opts,
    );
  }
  return r.events.at(-1)?.globalPosition ?? null;
}

/**
 * Our own events are committed, but a digest is only final once no older transaction is still
 * running anywhere on the server (see ledgerDigest); another client's open transaction delays
 * that for a moment. Wait for it rather than publish an earlier position.
 */
export async function settledDigest(pool: pg.Pool, position: bigint): Promise<{ digest: string }> {
  for (let waited = 0; ; waited += 50) {
    try {
      return await ledgerDigest(pool, position);
    } catch (err) {
      if (!(err instanceof DigestError) || !/not settled/.test(err.message) || waited > 60_000)
        throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function documentOf(step: SeedStep & { kind: 'budget' }): string | undefined {
  const d = step.command.data as { documentNumber?: string | null };
  return d.documentNumber ?? undefined;
}
