import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();

test('readStreams reads several whole streams in one call: each in version order, [] for a stream not in the log', async () => {
  const ev = (n: number) => ({ type: 'Noted', data: { n } });
  await ledger.store.append('s-a', [ev(1), ev(2)]);
  await ledger.store.append('s-b', [ev(3)]);
  await ledger.store.append('s-a', [ev(4)]);
  const streams = await ledger.store.readStreams(['s-b', 's-missing', 's-a']);
  expect([...streams.keys()]).toEqual(['s-b', 's-missing', 's-a']);
  expect(streams.get('s-a')!.map((e) => [e.streamVersion, e.data.n])).toEqual([
    [1n, 1],
    [2n, 2],
    [3n, 4],
  ]);
  expect(streams.get('s-b')!.map((e) => e.data.n)).toEqual([3]);
  expect(streams.get('s-missing')).toEqual([]);
  expect(await ledger.store.readStream('s-a')).toEqual(streams.get('s-a'));
  // From a version; a stream named twice is read once, from the earlier version.
  expect(
    (await ledger.store.readStreams(['s-a'], [2n])).get('s-a')!.map((e) => e.streamVersion),
  ).toEqual([2n, 3n]);
  expect(
    (await ledger.store.readStreams(['s-a', 's-a'], [3n, 2n]))
      .get('s-a')!
      .map((e) => e.streamVersion),
  ).toEqual([2n, 3n]);
});
