/**
 * The renderer's Content-Security-Policy, for both front doors: scripts and styles only from the app itself,
 * no eval, no plugins, no framing; `connect-src` allows only the browser-mode WebSocket on the same origin.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
