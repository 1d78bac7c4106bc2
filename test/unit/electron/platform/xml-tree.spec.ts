/** Found by the SOAP fuzz suite: an unclosed `<?` made fast-xml-parser's validator quadratic; it is refused first. */
import { describe, expect, it } from 'vitest';
import { xmlReader } from '../../../../electron/platform/xml-tree.js';
import { measure } from '../../../fuzz/work.js';

const strict = xmlReader({ maxDepth: 40, maxTags: 4096, maxAttributes: Number.POSITIVE_INFINITY, validate: true });
const lenient = xmlReader({ maxDepth: 32, maxTags: 1024, maxAttributes: 1024, validate: false });
const reply = (prologue: string, pad = 0) =>
  `${prologue}<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>${' '.repeat(pad)}<a>1</a></s:Body></s:Envelope>`;

describe('xmlReader and processing instructions', () => {
  it('reads a reply with a closed XML declaration or instruction', () => {
    for (const read of [strict, lenient]) {
      expect(read(reply('<?xml version="1.0" encoding="UTF-8"?>')).ok).toBe(true);
      expect(read(reply('<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?>')).ok).toBe(true);
    }
  });

  it('refuses an instruction left open, or closed only after another tag, as malformed', () => {
    for (const read of [strict, lenient]) {
      expect(read(reply('<?<xml version="1.0"?<>'))).toEqual({ ok: false, reason: 'malformed' });
      expect(read(reply('<?xml version="1.0"'))).toEqual({ ok: false, reason: 'malformed' });
      expect(read(`${reply('')}<?x`)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('spends linear work on such a reply however long it is (it was quadratic: ~8,000 units per character at 16 KiB)', () => {
    for (const pad of [1_000, 16_000, 60_000]) {
      const text = reply('<?<xml version="1.0" encoding="UTF-8"?<>', pad);
      const { work } = measure(() => strict(text));
      expect(work / text.length).toBeLessThan(8);
    }
  });
});
