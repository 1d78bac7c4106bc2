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
