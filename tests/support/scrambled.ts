import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

/** The seed's published text (Fenyang 2024, 51 KB). */
export const SEED_SOURCE = fs.readFileSync(
  path.join(PROJECT_ROOT, 'data', 'seed', 'fenyang-2024', 'source.txt'),
  'utf8',
);

/**
 * The seed's text with every printed amount's digits replaced by pseudo-random ones (a fixed
 * linear congruential sequence, so every run sees the same document): the layout, codes and
 * years still read, but no figure agrees with any other. The hostile tester's 51 KB document that
 * took two minutes to refuse (issue 15, point 6).
 */
export function scrambledSeed(seed = 1): string {
  let s = seed;
  const digit = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return String(Math.floor((s / 2147483648) * 10));
  };
  return SEED_SOURCE.replace(/\d+\.\d+/g, (amount) => amount.replace(/\d/g, digit));
}
