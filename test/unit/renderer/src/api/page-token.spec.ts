// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { takePageToken } from '../../../../../renderer/src/api/page-token.js';

describe('the browser-mode token in the address bar', () => {
  it('is read once, then removed from the address bar and this history entry, keeping the rest of the URL', () => {
    window.history.pushState({ view: 'devices' }, '', '/index.html?x=1&token=a1b2c3&y=2#details');
    const before = window.history.length;
    expect(takePageToken(window)).toBe('a1b2c3');
    expect(window.location.href).toBe(`${window.location.origin}/index.html?x=1&y=2#details`);
    expect(window.location.href).not.toContain('a1b2c3');
    expect(window.history.length).toBe(before); // replaced, not pushed: Back does not bring it back
    expect(window.history.state).toEqual({ view: 'devices' });
  });

  it('leaves a clean URL when the token was the only parameter, and gives null when there is none', () => {
    window.history.pushState(null, '', '/?token=zz');
    expect(takePageToken(window)).toBe('zz');
    expect(window.location.search).toBe('');
    expect(takePageToken(window)).toBeNull();
  });

  it('still returns the token when the browser refuses replaceState', () => {
    const page = {
      location: { pathname: '/', search: '?token=t', hash: '' },
      history: {
        state: null,
        replaceState: () => {
          throw new Error('SecurityError');
        },
      },
    };
    expect(takePageToken(page)).toBe('t');
  });
});
