#!/usr/bin/env node
import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config';
import { LedgerError } from '../domain/errors';
import { openDatabase } from '../events/bootstrap';
import { createPool } from '../events/database';
import { serviceRoleUrl } from '../events/service-role';
import { EventStore } from '../events/event-store';
import {
  createAccessToken,
  grantProblem,
  revokeAccessToken,
  ROLES,
  type TokenRole,
} from '../events/access-tokens';
import { checkDigest, ledgerDigest, verifyLedger } from '../events/integrity';
import { migrate } from '../events/migrate';
import { rebuildProjections } from '../projections/rebuild';
import { printLedgerSchema } from '../graphql/schema';
import { EXPORT_FORMATS, type ExportFormat } from '../app/export';
import { exportDisclosure } from './export';
import { LAYOUTS, type LayoutId } from '../domain/disclosure/layouts/shanghai-9';
import { checkDisclosureFile } from './check-disclosure';
import { oneOf, parseDate, parsePosition, parseYear, parseExpiry } from './options';
import { IMPORT_KINDS, importLinesFile } from './import-lines';
import { importDisclosureFile } from './import-disclosure';
import { LedgerService } from '../app/ledger-service';
import { loadSeed } from '../seed/run';
import { LedgerReferences } from '../app/reference-codes';
import { startService } from '../service';

const logger = pino({ level: loadConfig().logLevel }, pino.destination(2));
const log = { info: (m: string) => logger.info(m), error: (m: string) => logger.error(m) };

/** Runs `fn` on the configured database, migrated, then stops an embedded server if any. */
async function withMigrated<T>(
  fn: (ownerUrl: string, config: ReturnType<typeof loadConfig>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, log.info);
  try {
    await migrate(db.url, log.info);
    return await fn(db.url, config);
  } finally {
    await db.stop();
  }
}

/**
 * Runs `fn` as the service role, like the service: a command has no more rights than the API.
 */
function withLedger<T>(
  fn: (ctx: {
    pool: import('pg').Pool;
    store: EventStore;
    references: LedgerReferences;
  }) => Promise<T>,
): Promise<T> {
  return withMigrated(async (ownerUrl, config) => {
    const pool = createPool(await serviceRoleUrl(ownerUrl, config), { max: 2 });
    const store = new EventStore(pool);
    try {
      // The ledger's reference lists: the shipped data with every code adopted in its log.
      const references = new LedgerReferences();
      await references.load(store);
      return await fn({ pool, store, references });
    } finally {
      await store.close();
      await pool.end();
    }
  });
}

/**
 * Runs `fn` with a pool as the database's owner: for what the service role may not do (rebuild
 * the read models, create and revoke tokens).
 */
function asOwner<T>(fn: (owner: import('pg').Pool) => Promise<T>): Promise<T> {
  return withMigrated(async (ownerUrl) => {
    const owner = createPool(ownerUrl, { max: 1 });
    try {
      return await fn(owner);
    } finally {
      await owner.end();
    }
  });
}

/** Set by `serve`, the one command that keeps running after its action returns. */
let serving = false;

const program = new Command('budget-ledger')
  .description('Event-sourced budget ledger for Chinese government budget disclosure')
  .showHelpAfterError();

program
  .command('serve')
  .description('serve GraphQL and /healthz over HTTP (PORT, default 4000)')
  .action(async () => {
    serving = true;
    const service = await startService(loadConfig(), log);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info(`${signal}: shutting down`);
      await service.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('apply pending migrations')
  .action(async () => {
    const db = await openDatabase(loadConfig(), log.info);
    try {
      const applied = await migrate(db.url, log.info);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } finally {
      await db.stop();
    }
  });

program
  .command('schema')
  .description(
    'print the GraphQL schema (SDL, sorted); `npm run schema` writes it to schema.graphql',
  )
  .action(async () => {
    process.stdout.write(await printLedgerSchema());
  });

program
  .command('export')
  .description(
    "write a disclosure: t01.csv … t13.csv (万元, as published), disclosure.json, disclosure.xlsx, disclosure.html (printable), disclosure.pdf or a fiscal data package (datapackage.json + budget-lines.csv); with --layout shanghai-9 or jiangsu-12, that layout's tables (sh01.csv …, js01.csv …) and its own HTML/PDF document",
  )
  .requiredOption('--unit <code>', 'department code, e.g. 019')
  .requiredOption('--year <year>', 'fiscal year', parseYear)
  .option('--as-of <point>', '"published", a global position, or an ISO date-time (default: now)')
  .option('--effective-on <date>', 'only what is in force on this business date (YYYY-MM-DD)')
  .option('--format <format>', EXPORT_FORMATS.join(' | '), oneOf(EXPORT_FORMATS), 'csv')
  .option('--yuan', 'amounts in 元 instead of 万元')
  .option(
    '--layout <layout>',
    `${LAYOUTS.join(' | ')} (each in every format)`,
    oneOf(LAYOUTS),
    'shanxi-13',
  )
  .option(
    '--variant <variant>',
    'shanghai-9: unit (单位预算, table 1 by 人员/公用/项目) | department (部门预算, one 预算数)',
    oneOf(['unit', 'department'] as const),
    'unit',
  )
  .option(
    '--decimals <n>',
    'shanghai-9: 元 printed whole (0) or with 分 (2)',
    oneOf(['0', '2'] as const),
    '0',
  )
  .requiredOption('--out <dir>', 'output directory')
  .action(
    async (opts: {
      unit: string;
      year: number;
      asOf?: string;
      effectiveOn?: string;
      format: ExportFormat;
      yuan?: boolean;
      layout: LayoutId;
      variant: 'unit' | 'department';
      decimals: '0' | '2';
      out: string;
    }) => {
      const { variant, decimals, ...rest } = opts;
      const files = await withLedger(({ pool, references }) =>
        exportDisclosure(
          pool,
          {
            ...rest,
            moneyUnit: opts.yuan ? 'yuan' : 'wan-yuan',
            shanghaiStyle: { variant, decimals: decimals === '2' ? 2 : 0 },
          },
          references.current,
        ),
      );
      for (const f of files) console.log(f);
    },
  );

program
  .command('seed')
  .description(
    'load the seed ledger (汾阳市行政审批服务管理局, 2024); running it again appends nothing',
  )
  .action(async () => {
    const r = await withLedger(({ pool, store, references }) =>
      loadSeed(new LedgerService(store, references), store, pool),
    );
    console.log(`seed: ${r.applied} steps applied, ${r.skipped} already in the ledger`);
  });

program
  .command('rebuild')
  .description('rebuild every read model (postings, fact versions) from the event log')
  .action(async () => {
    // Only the owner writes the read models.
    const r = await asOwner(rebuildProjections);
    console.log(`rebuilt: ${r.postings} postings, ${r.factVersions} fact versions`);
  });

program
  .command('verify')
  .description(
    'recompute every hash chain and every read-model row; exit 0 when intact, 1 naming the first bad event or row',
  )
  .action(async () => {
    const result = await withLedger(({ pool }) => verifyLedger(pool));
    if (result.ok) {
      console.log(
        `ledger intact: ${result.eventsChecked} events in ${result.streamsChecked} streams; ${result.readModelRowsChecked} read-model rows are what the events imply`,
      );
      return;
    }
    const b = result.firstBroken;
    if (b)
      console.error(
        `ledger BROKEN at position ${b.globalPosition}: stream ${b.streamId} version ${b.streamVersion} event ${b.eventId} (${b.problem})`,
      );
    const d = result.firstReadModelDifference;
    if (d)
      console.error(
        `read model DIFFERS at position ${d.globalPosition}: ${d.table} row ${d.key || '(the set)'} (${d.problem})` +
          `\n  stored:  ${d.actual ?? '(none)'}\n  implied: ${d.expected ?? '(none)'}`,
      );
    process.exitCode = 1;
  });

program
  .command('digest')
  .description(
    'print the ledger digest at the settled head (or --at), or re-check a kept one with --check',
  )
  .option('--at <position>', 'the position the digest covers', parsePosition)
  .option('--check <digest>', 'a digest kept earlier; requires --at')
  .action(async (opts: { at?: bigint; check?: string }) => {
    if (opts.check && opts.at === undefined)
      throw new InvalidArgumentError('--check needs --at <position>');
    await withLedger(async ({ pool, store }) => {
      if (opts.check) {
        const r = await checkDigest(pool, opts.check, opts.at!);
        if (r.ok) {
          console.log(`digest matches at position ${opts.at}`);
          return;
        }
        if (r.firstBroken) {
          const b = r.firstBroken;
          console.error(
            `digest MISMATCH: event at position ${b.globalPosition} (stream ${b.streamId} version ${b.streamVersion}, ${b.problem})`,
          );
        } else {
          console.error(
            `digest MISMATCH at position ${opts.at}: kept ${r.expected}, ledger now ${r.actual}`,
          );
        }
        process.exitCode = 1;
        return;
      }
      const at = opts.at ?? (await store.settledPosition());
      if (at === 0n) {
        console.log('the ledger is empty');
        return;
      }
      const d = await ledgerDigest(pool, at);
      console.log(`${d.digest} ${d.position}`);
    });
  });

program
  .command('check-disclosure <file>')
  .description(
    'check a published disclosure (its PDF, or the text extracted from it) against the consistency rules (勾稽关系); exit 1 when any finding is an inconsistency',
  )
  .option('--json', 'print the parse issues and findings as JSON')
  .action(async (file: string, opts: { json?: boolean }) => {
    const { output, exitCode } = await checkDisclosureFile(file, opts);
    process.stdout.write(output);
    process.exitCode = exitCode;
  });

program
  .command('import-lines <file>')
  .description(
    'import budget lines from a CSV or XLSX file (docs/import.md): every line is validated, all errors are printed with line numbers, and nothing is applied when any line is bad; re-importing the same file appends nothing',
  )
  .requiredOption(
    '--unit <code>',
    'the unit (or the department) the file is for; a blank unit_code means this unit',
  )
  .requiredOption('--year <year>', 'fiscal year', parseYear)
  .requiredOption(
    '--kind <kind>',
    'allocation (年初预算 lines) | adjustments (预算调整 batches, submitted for review)',
    oneOf(IMPORT_KINDS, 'allocation or adjustments'),
  )
  .option('--dry-run', 'validate and decide, apply nothing')
  .option('--allocation-id <id>', 'allocation id (default import-<sha256 prefix>)')
  .option('--document <number>', "the allocation's document number (文号)")
  .option(
    '--date <date>',
    'business date of the allocation or submission, YYYY-MM-DD (default today)',
    parseDate,
  )
  .option('--actor <actor>', 'recorded as the actor of every event (default officer:<unit>-import)')
  .option('--json', 'print the report as JSON')
  .action(async (file: string, opts: Parameters<typeof importLinesFile>[3]) => {
    const { output, exitCode } = await withLedger(({ store, references }) =>
      importLinesFile(new LedgerService(store, references), store, file, opts),
    );
    process.stdout.write(output);
    process.exitCode = exitCode;
  });

program
  .command('import-disclosure <file>')
  .description(
    'import a published disclosure (its PDF, or the text extracted from it) for a department (docs/import-disclosure.md): units, year, projects and basic lines derived in exact yuan so every printed figure rounds back; nothing is applied when the file is not understood; re-importing the same file appends nothing',
  )
  .requiredOption(
    '--unit <code>',
    'the department code the document is imported under (本级 unit <code>001, subordinate units <code>002…)',
  )
  .requiredOption('--year <year>', 'fiscal year', parseYear)
  .option('--dry-run', 'plan and decide, apply nothing; prints the plan summary')
  .option(
    '--date <date>',
    'business date of every command, YYYY-MM-DD (default 1 January of the year)',
    parseDate,
  )
  .option('--actor <actor>', 'recorded as the actor of every event (default officer:<unit>-import)')
  .option('--json', 'print the report (and the plan) as JSON')
  .action(async (file: string, opts: Parameters<typeof importDisclosureFile>[3]) => {
    const { output, exitCode } = await withLedger(({ store, references }) =>
      importDisclosureFile(new LedgerService(store, references), store, file, opts),
    );
    process.stdout.write(output);
    process.exitCode = exitCode;
  });

const token = program
  .command('token')
  .description('API tokens for the GraphQL API (Authorization: Bearer <token>)');

token
  .command('create')
  .description(
    'create a token and print it once on stdout (only its hash is stored); its id goes to stderr',
  )
  .requiredOption('--role <role>', ROLES.join(' | '), oneOf(ROLES, `one of ${ROLES.join(', ')}`))
  .option(
    '--person <id>',
    'the person holding it (required for BUDGET_OFFICER and FINANCE_REVIEWER): no one reviews ' +
      'an adjustment they submitted, whichever of their tokens they use; default: the label',
  )
  .option(
    '--unit <code>',
    'a unit a BUDGET_OFFICER acts for (repeat for several)',
    (v: string, prev: string[]) => [...prev, v],
    [] as string[],
  )
  .option(
    '--department <code>',
    'limit a FINANCE_REVIEWER or AUDITOR to a department (repeat for several); default: all',
    (v: string, prev: string[]) => [...prev, v],
    [] as string[],
  )
  .option(
    '--label <text>',
    'what the token is for; recorded as the actor of every event it causes (role:label)',
  )
  .option(
    '--expires <when>',
    'refuse it after this date (through its end, UTC+8) or ISO timestamp; default: never',
    (v: string) => parseExpiry(v),
  )
  .action(
    async (opts: {
      role: TokenRole;
      person?: string;
      unit: string[];
      department: string[];
      label?: string;
      expires?: Date;
    }) => {
      // Whoever may submit or review is a named person; the others default to their label.
      if (!opts.person && (opts.role === 'BUDGET_OFFICER' || opts.role === 'FINANCE_REVIEWER'))
        throw new InvalidArgumentError(`a ${opts.role} token needs --person <id>`);
      const label = opts.label ?? opts.person ?? `cli-${new Date().toISOString().slice(0, 10)}`;
      const grant = {
        role: opts.role,
        person: opts.person ?? label,
        label,
        unitCodes: opts.unit,
        departmentCodes: opts.department,
        expiresAt: opts.expires ?? null,
      };
      const problem = grantProblem(grant);
      if (problem) throw new InvalidArgumentError(problem);
      const created = await asOwner((owner) => createAccessToken(owner, grant));
      const reach = opts.unit.length
        ? ` for ${opts.unit.join(', ')}`
        : opts.department.length
          ? ` for department ${opts.department.join(', ')}`
          : '';
      console.log(created.token);
      console.error(
        `token ${created.id}: ${opts.role}${reach}, person ${grant.person}, actor ${opts.role.toLowerCase()}:${label}${opts.expires ? `, expires ${opts.expires.toISOString()}` : ''}. It is not shown again; revoke with \`token revoke ${created.id}\`.`,
      );
    },
  );

token
  .command('revoke <id>')
  .description('revoke a token by its id; it stops working at once')
  .action(async (id: string) => {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw new InvalidArgumentError('a token id is a UUID');
    if (await asOwner((owner) => revokeAccessToken(owner, id))) {
      console.log(`revoked ${id}`);
      return;
    }
    console.error(`no active token ${id}`);
    process.exitCode = 1;
  });

// Every command but `serve` ends here, with its own exit code said explicitly: the embedded
// database's exit hook (async-exit-hook) would otherwise end the process on beforeExit with 0.
program.parseAsync(process.argv).then(
  () => {
    if (!serving) process.exit(process.exitCode ?? 0);
  },
  (err: unknown) => {
    if (err instanceof LedgerError) console.error(`${err.code}: ${err.message}`);
    else if (err instanceof Error) console.error(err.message);
    else console.error(`failed: ${String(err)}`);
    process.exit(Number(process.exitCode) || 2);
  },
);
