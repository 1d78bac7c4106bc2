/**
 * "Have I already handled this?" for one scan, bounded by count and by bytes. Hazard: the text offered is
 * built from untrusted packets and can be hundreds of KiB (a 64 KiB reply of control characters serialises
 * to ~366 KiB of JSON); storing it as the key let one forged responder exhaust the heap (issue #6). Keys are
 * a SHA-256 of the text instead: 44 characters whatever the input.
 */
import { createHash } from 'node:crypto';

const KEY_CHARS = 44; // base64 of 32 bytes

export class SeenKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly limit: number) {}

  /**
   * True the first time `text` is offered, false on a repeat. Once `limit` keys are held, new text is still
   * answered true but no longer remembered: a repeat is then handled twice rather than memory growing.
   */
  firstTime(text: string): boolean {
    const key = createHash('sha256').update(text).digest('base64');
    if (this.keys.has(key)) return false;
    if (this.keys.size < this.limit) this.keys.add(key);
    return true;
  }

  get size(): number {
    return this.keys.size;
  }

  /** Characters held in keys; at most limit × 44. */
  get keyChars(): number {
    return this.keys.size * KEY_CHARS;
  }
}
