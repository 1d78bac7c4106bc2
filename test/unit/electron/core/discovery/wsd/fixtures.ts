/** Reads our own WS-Discovery fixtures (test/fixtures/wsd), shaped like real devices' messages. */
import { readFileSync } from 'node:fs';

export const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../../../../fixtures/wsd/${name}`, import.meta.url));

export const fixtureText = (name: string): string => Buffer.from(fixture(name)).toString('utf8');
