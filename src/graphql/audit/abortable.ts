/**
 * An async iterable whose `return()` (a client's `complete`, a closed socket) really stops it.
 *
 * Why: an async generator parked in an `await` (the events hub waiting for the next wake-up)
 * cannot be returned from the outside: `return()` is queued behind the pending `next()`, which
 * may never settle on a quiet ledger, so each unsubscribed client would leak a waiting reader.
 * Aborting the signal wakes the hub, whose generator then ends, and the queued return completes.
 */
export function abortable<T>(
  make: (signal: AbortSignal) => AsyncGenerator<T>,
): AsyncIterableIterator<T> {
  const controller = new AbortController();
  const inner = make(controller.signal);
  const iterator: AsyncIterableIterator<T> = {
    next: () => inner.next(),
    return: (value?: unknown) => {
      controller.abort();
      return inner.return(value as T);
    },
    throw: (err?: unknown) => {
      controller.abort();
      return inner.throw(err);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
