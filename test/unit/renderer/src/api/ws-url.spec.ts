import { describe, expect, it } from 'vitest';
import { wsUrlFromLocation } from '../../../../../renderer/src/api/ws-url.js';

describe('wsUrlFromLocation', () => {
  it('uses the host and port that served the page and passes the token on', () => {
    expect(wsUrlFromLocation({ protocol: 'http:', host: '127.0.0.1:43117', search: '?token=a1b2' })).toBe(
      'ws://127.0.0.1:43117/ws?token=a1b2',
    );
  });

  it('uses wss behind https and escapes the token', () => {
    expect(wsUrlFromLocation({ protocol: 'https:', host: 'site-box:8443', search: '?x=1&token=a+b/c' })).toBe(
      'wss://site-box:8443/ws?token=a%20b%2Fc',
    );
  });

  it('gives null when the page was opened without a token', () => {
    expect(wsUrlFromLocation({ protocol: 'http:', host: '127.0.0.1:1', search: '' })).toBeNull();
    expect(wsUrlFromLocation({ protocol: 'http:', host: '127.0.0.1:1', search: '?token=' })).toBeNull();
  });
});
