import { describe, expect, it } from 'vitest';
import { DuplicateFilter } from '../../../../../../electron/core/discovery/wsd/duplicate-filter.js';

const reply = (relatesTo: string, epr: string, messageId = 'urn:uuid:1') =>
  new TextEncoder().encode(
    `<s:Envelope><s:Header><a:MessageID>${messageId}</a:MessageID><a:RelatesTo>${relatesTo}</a:RelatesTo></s:Header>` +
      `<s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Address>${epr}</a:Address></a:EndpointReference></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>`,
  );

describe('duplicate filter (replies to retransmitted probes)', () => {
  it('lets the first answer through and recognises the camera answering the retransmit', () => {
    const f = new DuplicateFilter();
    expect(f.isRepeat('198.18.1.1', reply('urn:uuid:p1', 'urn:uuid:cam-a', 'urn:uuid:m1'))).toBe(false);
    expect(f.isRepeat('198.18.1.1', reply('urn:uuid:p1', 'urn:uuid:cam-a', 'urn:uuid:m2'))).toBe(true);
  });

  it('never hides a different camera, a different probe or a different sender', () => {
    const f = new DuplicateFilter();
    f.isRepeat('198.18.1.1', reply('urn:uuid:p1', 'urn:uuid:cam-a'));
    expect(f.isRepeat('198.18.1.1', reply('urn:uuid:p1', 'urn:uuid:cam-b'))).toBe(false);
    expect(f.isRepeat('198.18.1.1', reply('urn:uuid:p2', 'urn:uuid:cam-a'))).toBe(false);
    expect(f.isRepeat('198.18.1.2', reply('urn:uuid:p1', 'urn:uuid:cam-a'))).toBe(false);
  });

  it('does not filter announcements without RelatesTo (Hello, Bye) or garbage', () => {
    const f = new DuplicateFilter();
    const hello = new TextEncoder().encode('<Envelope><Body><Hello/></Body></Envelope>');
    expect(f.isRepeat('198.18.1.1', hello)).toBe(false);
    expect(f.isRepeat('198.18.1.1', hello)).toBe(false);
    expect(f.isRepeat('198.18.1.1', new Uint8Array([0xff, 0x00, 0x3c]))).toBe(false);
  });
});
