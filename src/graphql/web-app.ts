import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { PROJECT_ROOT } from '../paths';

/** Where `npm run build` writes the web workbench (vite, web/vite.config.ts). */
export const WEB_DIST = path.join(PROJECT_ROOT, 'dist', 'web');

/**
 * Paths the workbench's client-side routes never take: the API, health, the IDE's assets and
 * the download routes. A request for one of them that nothing answered stays a 404.
 */
const RESERVED = /^\/(graphql|healthz|graphql-ide|disclosures|assets)(\/|$)/;

/**
 * The web workbench at `/`: its built files, and index.html for every other page a browser asks
 * for (the app routes on the client). Mounted after the API routes; a path with a file extension
 * or under a reserved prefix is never answered with the page, so no API route is shadowed.
 */
export function mountWebApp(app: Express, dir = WEB_DIST): void {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return;
  // Hashed file names: a build never changes a file in place, so browsers may keep them.
  app.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(dir, { index: false }));
  app.get(/.*/, (req, res, next) => {
    if (RESERVED.test(req.path) || path.extname(req.path) !== '' || !req.accepts('html'))
      return next();
    res.set('cache-control', 'no-cache').sendFile(index);
  });
}
