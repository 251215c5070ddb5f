/**
 * npm run bench:graphql — the GraphQL API over HTTP under load (autocannon, 50 connections), beside
 * a bare Apollo server answering the same disclosure from memory (same express + Apollo stack, a
 * one-field schema returning the precomputed response: the bound for serving this payload over
 * GraphQL on this machine). Measured in the same run, alternating; ratios to the bound.
 *
 * Scenarios: the seed's disclosure as published (PUBLIC, no token), the same disclosure as of now
 * (a token holder: built from the projections every time), and a page of 50 events (auditor).
 *
 * Public reads are also measured against the bound of serving bytes at all: a bare node:http
 * server answering the very bytes our server sent, from memory. Against it: the published
 * disclosure as a persisted query over GET (served from the in-process cache of serialized
 * public responses) and the PDF download of the publication.
 * BENCH_SECONDS (default 10) per measurement. Target: ≥ 0.5 of the bound for the disclosure query.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import autocannon from 'autocannon';
import express from 'express';
import { LedgerService } from '../src/app/ledger-service';
import { createAccessToken } from '../src/events/access-tokens';
import { createPool } from '../src/events/database';
import { EventStore } from '../src/events/event-store';
import { LedgerEventsHub } from '../src/graphql/events-hub';
import { printLedgerSchema } from '../src/graphql/schema';
import { PUBLIC_DISCLOSURE_QUERY } from '../src/graphql/public-reads';
import { startHttpServer } from '../src/graphql/server';
import { loadSeed } from '../src/seed/run';
import { benchDatabase, printTable } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

const DISCLOSURE = `query Disclosure($d: String!, $y: Int!, $asOf: AsOfInput) {
  disclosure(departmentCode: $d, fiscalYear: $y, asOf: $asOf) {
    fiscalYear published
    tables { title note rows { role key code name cells { column value } } }
  }
}`;
const EVENTS = `query Events { events(first: 50) { totalCount edges { cursor node { position streamId type recordedAt } } } }`;

interface Scenario {
  name: string;
  url: string;
  /** POST this body; none: GET. */
  body?: string;
  headers?: Record<string, string>;
  /** Index of the scenario this one is compared with (default 0, the bare Apollo bound). */
  bound?: number;
}

async function run(s: Scenario): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: s.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(s.body === undefined
      ? { method: 'GET' as const, headers: s.headers ?? {} }
      : {
          method: 'POST' as const,
          headers: { 'content-type': 'application/json', ...(s.headers ?? {}) },
          body: s.body,
        }),
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * The bound: the same stack (express + Apollo, our schema's types, so the same validation and the
 * same response) with a resolver that returns the precomputed disclosure from memory.
 */
async function bareServer(precomputed: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const apollo = new ApolloServer({
    typeDefs: await printLedgerSchema(),
    resolvers: { Query: { disclosure: () => precomputed } },
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await apollo.stop();
      server.close();
    },
  };
}

/** The bound of serving bytes at all: node:http answering fixed bytes from memory. */
async function rawServer(
  body: Buffer,
  contentType: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function fetchBytes(url: string, headers: Record<string, string>): Promise<Buffer> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

async function main(): Promise<void> {
  const db = await benchDatabase('bench_graphql');
  const pool = createPool(db.serviceUrl, { max: 20 });
  const store = new EventStore(pool);
  const service = new LedgerService(store);
  await loadSeed(service, store, pool);
  // Tokens are the owner's to create (the CLI's `token create`).
  const owner = createPool(db.url, { max: 1 });
  const auditor = (
    await createAccessToken(owner, { role: 'AUDITOR', person: 'bench', label: 'bench' })
  ).token;
  await owner.end();
  const listenUrl = db.serviceUrl;
  const hub = new LedgerEventsHub(store, listenUrl);
  await hub.start();
  const ours = await startHttpServer({ pool, store, service, hub, port: 0, host: '127.0.0.1' });
  const url = `${ours.url}/graphql`;

  const published = JSON.stringify({ query: DISCLOSURE, variables: { d: '019', y: 2024 } });
  const first = (await (
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: published,
    })
  ).json()) as { data?: { disclosure: unknown }; errors?: unknown };
  if (!first.data) throw new Error(`the disclosure query failed: ${JSON.stringify(first.errors)}`);
  const bare = await bareServer(first.data.disclosure);
  const auth = { authorization: `Bearer ${auditor}` };
  const hash = createHash('sha256').update(PUBLIC_DISCLOSURE_QUERY).digest('hex');
  const persisted = `${url}?${new URLSearchParams({
    variables: JSON.stringify({ departmentCode: '019', fiscalYear: 2024 }),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
  })}`;
  const getHeaders = { 'apollo-require-preflight': 'true', accept: 'application/json' };
  const pdfUrl = `${ours.url}/disclosures/019/2024/disclosure.pdf`;
  const rawJson = await rawServer(await fetchBytes(persisted, getHeaders), 'application/json');
  const rawPdf = await rawServer(await fetchBytes(pdfUrl, {}), 'application/pdf');
  const scenarios: Scenario[] = [
    { name: 'bound: bare Apollo, precomputed disclosure', url: bare.url, body: published },
    { name: 'disclosure as published (PUBLIC)', url, body: published },
    {
      name: 'disclosure as of now (token)',
      url,
      body: JSON.stringify({ query: DISCLOSURE, variables: { d: '019', y: 2024, asOf: {} } }),
      headers: auth,
    },
    {
      name: 'events, first 50 (auditor)',
      url,
      body: JSON.stringify({ query: EVENTS }),
      headers: auth,
    },
    { name: 'bound: node:http, the same response bytes from memory', url: rawJson.url },
    {
      name: 'disclosure as published, persisted query over GET (PUBLIC)',
      url: persisted,
      headers: getHeaders,
      bound: 4,
    },
    { name: 'bound: node:http, the same PDF bytes from memory', url: rawPdf.url },
    { name: 'PDF download of the publication', url: pdfUrl, bound: 6 },
  ];
  const rows: (string | number)[][] = [];
  try {
    const results: { rps: number; p99: number; errors: number }[] = [];
    for (const s of scenarios) {
      results.push(await run(s));
      console.error(`done: ${s.name}`);
    }
    scenarios.forEach((s, i) => {
      const r = results[i];
      const bound = results[s.bound ?? (s.name.startsWith('bound') ? i : 0)].rps;
      rows.push([
        s.name,
        Math.round(r.rps),
        r.p99.toFixed(0),
        (r.rps / bound).toFixed(2),
        r.errors,
      ]);
    });
  } finally {
    await rawJson.close();
    await rawPdf.close();
    await bare.close();
    await ours.close();
    await hub.close();
    await store.close();
    await pool.end();
    await db.close();
  }
  console.log(`\nGraphQL over HTTP, autocannon ${CONNECTIONS} connections × ${SECONDS}s each\n`);
  printTable(['scenario', 'req/s', 'p99 ms', 'ratio to bound', 'errors'], rows);
  for (const [label, row] of [
    ['disclosure (as published) ÷ bare Apollo', 1],
    ['persisted GET of the published disclosure ÷ node:http, same bytes', 5],
    ['PDF download ÷ node:http, same bytes', 7],
  ] as const) {
    const ratio = Number(rows[row][3]);
    console.log(`${label}: ${ratio.toFixed(2)} (target ≥ 0.5: ${ratio >= 0.5 ? 'met' : 'MISSED'})`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
