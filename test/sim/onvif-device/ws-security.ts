/**
 * The camera side of a WS-Security UsernameToken check, written for the simulator from the OASIS profile:
 * digest = base64(SHA1(nonce ‖ Created ‖ password)) over UTF-8; Created must be within `toleranceMs` of the
 * camera's clock (cameras reject skew); a nonce seen before is a replay.
 */
import { createHash } from 'node:crypto';

export type WsCheck = 'none' | 'ok' | 'wrong' | 'time' | 'replay';

const field = (xml: string, name: string): string | null =>
  new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([^<]*)</(?:\\w+:)?${name}>`).exec(xml)?.[1]?.trim() ?? null;

export class WsSecurityGate {
  private readonly seen = new Set<string>();
  constructor(private readonly toleranceMs = 5000) {}

  check(soap: string, cameraNowMs: number, users: ReadonlyMap<string, string>): { result: WsCheck; user?: string } {
    const token = /<(?:\w+:)?UsernameToken\b[\s\S]*?<\/(?:\w+:)?UsernameToken>/.exec(soap)?.[0];
    if (!token) return { result: 'none' };
    const user = (field(token, 'Username') ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const digest = field(token, 'Password');
    const nonce = field(token, 'Nonce');
    const created = field(token, 'Created');
    const password = users.get(user);
    if (!digest || !nonce || !created || password === undefined) return { result: 'wrong', user };
    const expected = createHash('sha1')
      .update(Buffer.from(nonce, 'base64'))
      .update(created, 'utf8')
      .update(password, 'utf8')
      .digest('base64');
    if (expected !== digest) return { result: 'wrong', user };
    const createdMs = Date.parse(created);
    if (Number.isNaN(createdMs) || Math.abs(createdMs - cameraNowMs) > this.toleranceMs) return { result: 'time', user };
    if (this.seen.has(nonce)) return { result: 'replay', user };
    this.seen.add(nonce);
    if (this.seen.size > 10_000) this.seen.delete(this.seen.values().next().value!);
    return { result: 'ok', user };
  }
}
