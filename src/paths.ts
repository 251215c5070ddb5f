import fs from 'node:fs';
import path from 'node:path';

/**
 * The project root (the folder holding package.json), from src/ and from the built dist/src/ alike.
 */
export const PROJECT_ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}
