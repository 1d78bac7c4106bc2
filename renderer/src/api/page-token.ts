/** The parts of `window` that hold the browser-mode token when the page opens. */
export type TokenPage = {
  location: { pathname: string; search: string; hash: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
};

/**
 * The browser-mode token, read once from `?token=` and then taken out of the address bar and this history
 * entry (shoulder-surfing, screenshots, bookmarks, synced history). It lives on only in memory, in the
 * WebSocket URL; a reload therefore needs the printed link again, as the missing-token banner says.
 */
export function takePageToken(page: TokenPage): string | null {
  const params = new URLSearchParams(page.location.search);
  const token = params.get('token');
  if (!token) return null;
  params.delete('token');
  const rest = params.toString();
  try {
    page.history.replaceState(page.history.state, '', `${page.location.pathname}${rest ? `?${rest}` : ''}${page.location.hash}`);
  } catch {
    // A browser that refuses replaceState still gets a working page; the token just stays visible.
  }
  return token;
}
