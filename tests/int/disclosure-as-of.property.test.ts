/**
 * A point in time shows only that point. For random histories of a department, a point P (a
 * position, a position with an effective date, a recorded instant, or a publication pinned to its
 * position): the disclosure as of P in every export format and layout is rendered, any random
 * accepted events are appended after P (units, projects, lines, adjustments, forms, procurement,
 * assets, publications, codes adopted into the year's lists …), and the disclosure as of P is
 * rendered again: the same bytes, file by file. Documents that carry a date take it from the
 * point, never from the clock.
 */
import fc from 'fast-check';
import { LedgerService } from '../../src/app/ledger-service';
import { settledDigest } from '../../src/seed/run';
import { useLedgerDatabase } from '../support/db';
import { actArb, DepartmentHistory, YEAR, type Act } from '../support/department-history';
import { differingFiles, everyExport, type ExportPoint } from '../support/exports';

const ledger = useLedgerDatabase();
let service: LedgerService;
let run = 0;

beforeAll(() => {
  service = new LedgerService(ledger.store);
});

type PointKind = 'position' | 'effective' | 'recorded' | 'publication';

/** The point of the kind asked at P (a publication: the latest one recorded by P, if any). */
async function pointAt(
  kind: PointKind,
  p: bigint,
  publications: readonly bigint[],
): Promise<ExportPoint> {
  if (kind === 'effective') return { asOf: String(p), effectiveOn: '2024-05-15' };
  if (kind === 'publication' && publications.length)
    return { asOf: String(publications.at(-1)), published: true };
  if (kind === 'recorded') {
    const { rows } = await ledger.db.appPool.query<{ t: Date }>(
      'SELECT recorded_at AS t FROM events WHERE global_position = $1',
      [String(p)],
    );
    // Rounded up to the millisecond an ISO instant holds, so that P itself is inside.
    return { asOf: new Date(rows[0].t.getTime() + 1).toISOString() };
  }
  return { asOf: String(p) };
}

const FIRST_UNIT: Act = { op: 'unit', kind: 'administrative', name: 0 };

test('given a history and a point P, when any events are appended after P, then the disclosure as of P is byte-identical in every export format', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(actArb, { minLength: 1, maxLength: 10 }),
      fc.nat(),
      fc.constantFrom<PointKind>('position', 'effective', 'recorded', 'publication'),
      fc.array(actArb, { minLength: 1, maxLength: 10 }),
      async (before, pick, kind, after) => {
        const dept = `AS${++run}`;
        const h = new DepartmentHistory(service, ledger.db.appPool, dept);
        const positions: bigint[] = [];
        for (const act of [FIRST_UNIT, ...before]) {
          await h.play(act);
          positions.push(h.last);
        }
        const p = positions[pick % positions.length];
        // A position's documents print the ledger digest there: wait until it is final.
        await settledDigest(ledger.db.appPool, h.last);
        const point = await pointAt(kind, p, h.publications);
        // The lists as the service holds them: codes adopted after P are in them on the re-render.
        const first = await everyExport(
          ledger.db.appPool,
          dept,
          YEAR,
          point,
          service.references.current,
        );
        for (const act of after) await h.play(act);
        const again = await everyExport(
          ledger.db.appPool,
          dept,
          YEAR,
          point,
          service.references.current,
        );
        expect(first.size).toBeGreaterThan(20);
        expect(differingFiles(first, again)).toEqual([]);
      },
    ),
    { numRuns: 6 },
  );
}, 300_000);
