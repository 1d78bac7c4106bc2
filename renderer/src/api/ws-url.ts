/** The parts of `window.location` that decide where the browser-mode WebSocket lives. */
export type PageLocation = { protocol: string; host: string; search: string };

/** `ws(s)://<same host:port>/ws?token=<token>`: the WebSocket of the server that served this page. */
export function wsUrlFor(location: Pick<PageLocation, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws?token=${encodeURIComponent(token)}`;
}

/**
 * The WebSocket URL for the page that was opened with `?token=<token>`; null when the page URL carries no
 * token (the server would refuse the socket anyway).
 */
export function wsUrlFromLocation(location: PageLocation): string | null {
  const token = new URLSearchParams(location.search).get('token');
  return token ? wsUrlFor(location, token) : null;
}
