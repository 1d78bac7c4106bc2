import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createdAt, passwordDigest, securityHeader } from '../../../../../../electron/core/devices/onvif/username-token.js';

describe('WS-Security UsernameToken', () => {
  it('matches the ONVIF Application Programmer’s Guide vector', () => {
    // discovery.md §2.3: nonce LKqI6G/AikKCQrN0zqZFlg==, created 2010-09-16T07:50:45Z, password userpassword.
    const nonce = Buffer.from('LKqI6G/AikKCQrN0zqZFlg==', 'base64');
    expect(passwordDigest(nonce, '2010-09-16T07:50:45Z', 'userpassword')).toBe('tuOSpGlFlIXsozq4HFNeeGeFLEI=');
  });

  it('hashes a non-ASCII password as UTF-8, not as ASCII/Latin-1 (the onvif package bug)', () => {
    const nonce = Buffer.from('LKqI6G/AikKCQrN0zqZFlg==', 'base64');
    const created = '2010-09-16T07:50:45Z';
    const utf8 = createHash('sha1')
      .update(Buffer.concat([nonce, Buffer.from(created), Buffer.from('Pässwörd', 'utf8')]))
      .digest('base64');
    const latin1 = createHash('sha1')
      .update(Buffer.concat([nonce, Buffer.from(created), Buffer.from('Pässwörd', 'latin1')]))
      .digest('base64');
    expect(passwordDigest(nonce, created, 'Pässwörd')).toBe(utf8);
    expect(utf8).not.toBe(latin1);
  });

  it('writes Created in the camera’s clock, UTC with Z and no milliseconds', () => {
    const ourNow = Date.UTC(2026, 10, 26, 5, 0, 0, 123);
    const header = securityHeader('admin', 'pw', ourNow + 3_600_000);
    expect(header).toContain('<wsu:Created>2026-11-26T06:00:00Z</wsu:Created>');
    expect(createdAt(Date.UTC(2000, 0, 1))).toBe('2000-01-01T00:00:00Z');
  });

  it('escapes the user name and never puts the password itself in the header', () => {
    const header = securityHeader('a<b&c', 'secret-password-1', Date.now());
    expect(header).toContain('<wsse:Username>a&lt;b&amp;c</wsse:Username>');
    expect(header).not.toContain('secret-password-1');
  });
});
