import type { AccessTokenDescription } from '../../../shared/access-token.js';

/**
 * The decoded, non-secret fields of a channel's access token (the secret part never reaches the renderer), so a
 * technician can check which channel and cloud a camera was handed.
 */
export function TokenSummary({ token }: { token: AccessTokenDescription }) {
  const parts = [
    `${token.access ?? token.kind} token`,
    token.camid !== null ? `channel ${token.camid}` : null,
    token.cmngrid !== null ? `camera manager ${token.cmngrid}` : null,
    token.api ? `API ${token.api.host}` : null,
    token.cam ? `camera link ${token.cam.host}:${token.cam.port}` : null,
  ].filter((p): p is string => p !== null);
  return (
    <p className="muted small" data-testid="token-summary">
      {parts.join(' · ')}
    </p>
  );
}
