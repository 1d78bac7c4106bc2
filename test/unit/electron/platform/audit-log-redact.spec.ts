import { describe, expect, it } from 'vitest';
import { createAuditRedactor } from '../../../../electron/platform/audit-log-redact.js';

describe('audit redactor', () => {
  const redact = createAuditRedactor(() => ['LK-0123456789', 'pw+/ü']);

  it('removes known secrets in plain, base64, base64url and URL-encoded form', () => {
    for (const form of [
      'LK-0123456789',
      Buffer.from('LK-0123456789').toString('base64'),
      Buffer.from('pw+/ü').toString('base64url'),
      encodeURIComponent('pw+/ü'),
    ]) {
      expect(redact(`value=${form} end`)).toBe('value=[redacted] end');
    }
  });

  it('removes Authorization header values of any scheme', () => {
    expect(redact('sent Authorization: LKey abc.def-1 to the API')).not.toContain('abc.def-1');
    expect(redact('{"authorization":"Custom zzz-top"}')).not.toContain('zzz-top');
  });

  it('removes anything shaped like a base64 access token', () => {
    const token = Buffer.from(JSON.stringify({ camid: 1, token: 'share.x.y' })).toString('base64');
    expect(redact(`token ${token}.`)).toBe('token [redacted].');
  });

  it('keeps the ordinary words, IDs, MACs and URLs a technician needs', () => {
    const text = 'Channel 42 for ACCC8E12AB34 (00:40:8c:12:34:56) created at https://web.example.test/api/v3/channels/';
    expect(redact(text)).toBe(text);
  });

  it('ignores secrets too short to search for without garbling the text', () => {
    expect(createAuditRedactor(() => ['ab'])('about a cab')).toBe('about a cab');
  });
});
