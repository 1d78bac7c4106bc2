/**
 * Budgets the app enforces against a hostile LAN or page, in one place so the README, the code and the
 * tests agree. Every structure that LAN input can grow is bounded by count and by bytes.
 */

/** Device records the inventory keeps; a site has hundreds of cameras, not thousands. */
export const MAX_DEVICES = 5000;

/** Largest JSON projection of one device (facts, ONVIF scopes/XAddrs/types and all). */
export const MAX_DEVICE_JSON_BYTES = 6 * 1024;

/**
 * Largest WebSocket frame either side accepts: the whole inventory at its budget, plus headroom.
 * MAX_DEVICES × MAX_DEVICE_JSON_BYTES ≈ 30 MiB.
 */
export const MAX_FRAME_BYTES = 40 * 1024 * 1024;

// --- Browser-mode WebSocket, per client (back-pressure against a page that sends but never reads) ---

/** Unsent bytes queued for one client above which the server stops reading its requests until it catches up. */
export const WS_SOFT_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * Unsent bytes queued for one client above which it is dropped. Above MAX_FRAME_BYTES so a slow but honest
 * page still receives one full-inventory answer plus the events that follow it.
 */
export const WS_HARD_BUFFER_BYTES = MAX_FRAME_BYTES + 16 * 1024 * 1024;

/** Requests one client may have in the core at once; reading pauses at this many, extras answer `busy`. */
export const WS_MAX_IN_FLIGHT = 64;
