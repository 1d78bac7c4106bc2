import { readFileSync } from 'node:fs';

/** Reads a captured-shape neighbour table from test/fixtures/neighbours. */
export const fixture = (name: string): string => readFileSync(new URL(`../../../../fixtures/neighbours/${name}`, import.meta.url), 'utf8');
