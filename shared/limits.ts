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

// --- Discovery intake (issue #6, items 2 and 5): what one flooding or forging LAN host can make us hold or parse.

/** Packets a discovery scan (or listener) processes per second, across all its sockets; more are dropped, counted. */
export const DISCOVERY_PACKETS_PER_SECOND = 2000;

/**
 * Packets taken at once before the per-second rate applies. A 250-camera site answers 2 probes × 4 sends with
 * ~2,000 replies in under a second; this burst plus the rate takes 6,000 in the first second.
 */
export const DISCOVERY_PACKET_BURST = 4000;

/**
 * Bytes processed per second, and at once. Real replies are 1–2 KiB (250 cameras ≈ 4 MiB per scan); a flood
 * of 64 KiB junk is held to ~32 packets a second after the burst, so parsing it cannot starve the app.
 */
export const DISCOVERY_BYTES_PER_SECOND = 2 * 1024 * 1024;
export const DISCOVERY_BYTE_BURST = 8 * 1024 * 1024;

/** Distinct replies one scan remembers to filter repeats. Each key is a 44-character SHA-256, so ≤ ~2 MiB. */
export const DISCOVERY_SEEN_KEYS = 20_000;

/** Unicast confirmations running at once per source (each holds a socket ~1 s); more wait in a bounded queue. */
export const DISCOVERY_CONFIRMS_AT_ONCE = 16;
export const DISCOVERY_CONFIRMS_QUEUED = 1024;

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

// --- Audit log file (issue #7): one JSON line per cloud or camera action.

/** Longest line the audit reader accepts; the writer caps every field (contract) so its lines stay far below. */
export const AUDIT_MAX_LINE_BYTES = 16 * 1024;

/** Bytes read at a time from the end of the audit file when listing its tail (never the whole file). */
export const AUDIT_READ_CHUNK_BYTES = 64 * 1024;
