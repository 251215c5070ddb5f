/**
 * HTTP caching of public reads: a bounded in-process cache of serialized responses (the bytes as
 * sent, so a hit costs no GraphQL execution, no rendering and no serialization), strong ETags, 304
 * on If-None-Match, and the Cache-Control / Vary headers that let a shared cache (a CDN, a reverse
 * proxy) keep what is public and never keep what depends on the caller's token.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** A response as sent: body bytes, its type and its entity tag. */
export interface CachedResponse {
  body: Buffer;
  contentType: string;
  etag: string;
  /** Extra headers (Content-Disposition, Content-Location …). */
  headers?: Record<string, string>;
}

/** Public and immutable: the URL names a publication by its position, which never changes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Public but may change (the latest publication): caches keep it briefly and revalidate. */
export const PUBLIC_SHORT = 'public, max-age=60, must-revalidate';
/** Anything a token may have unlocked: only the caller's own client may keep it. */
export const PRIVATE = 'private, no-store';

export const etagOf = (body: Buffer | string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

export function cachedResponse(
  body: Buffer | string,
  contentType: string,
  headers?: Record<string, string>,
): CachedResponse {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { body: bytes, contentType, etag: etagOf(bytes), headers };
}

/** True when If-None-Match names this entity (or is *). */
function notModified(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/**
 * Sends a cached response (or 304) with its caching headers; `varyOnToken` when the same URL with
 * a token could answer differently (GraphQL), so caches keep the tokenless answer apart.
 */
export function sendCached(
  req: Request,
  res: Response,
  entry: CachedResponse,
  cacheControl: string,
  varyOnToken = false,
): void {
  res.setHeader('Cache-Control', cacheControl);
  if (varyOnToken) res.setHeader('Vary', 'Authorization');
  res.setHeader('ETag', entry.etag);
  for (const [k, v] of Object.entries(entry.headers ?? {})) res.setHeader(k, v);
  if (notModified(req, entry.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', entry.contentType);
  res.setHeader('Content-Length', entry.body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : entry.body);
}

/**
 * Least-recently-used entries up to a byte budget. `get` with a builder caches the promise, so
 * concurrent misses build once; a failed build is not kept. `clear` drops what may be stale.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Promise<CachedResponse>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  peek(key: string): Promise<CachedResponse> | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Move to the back: the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  get(key: string, build: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const hit = this.peek(key);
    if (hit) return hit;
    const p = build();
    this.entries.set(key, p);
    p.then(
      (r) => this.account(key, p, r.body.length),
      () => this.entries.get(key) === p && this.entries.delete(key),
    );
    return p;
  }

  /** Keeps a response built elsewhere. */
  put(key: string, entry: CachedResponse): void {
    this.forget(key);
    const p = Promise.resolve(entry);
    this.entries.set(key, p);
    this.account(key, p, entry.body.length);
  }

  clear(): void {
    this.entries.clear();
    this.sizes.clear();
    this.bytes = 0;
  }

  private account(key: string, p: Promise<CachedResponse>, size: number): void {
    if (this.entries.get(key) !== p) return;
    if (size > this.maxBytes) {
      this.forget(key);
      return;
    }
    this.sizes.set(key, size);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      if (oldest !== key) this.forget(oldest);
    }
  }

  private forget(key: string): void {
    this.entries.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }
}
