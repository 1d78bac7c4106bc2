/**
 * When to (re)send a multicast Probe. SOAP-over-UDP, as python-ws-discovery implements it: 4 multicast sends,
 * first retransmit after a random 50–250 ms, each later gap doubling, capped at 500 ms. Resending survives
 * packet loss; finishing within ~1 s keeps replies inside Windows' 3-s unicast-reply firewall window.
 */
export const MULTICAST_REPEAT = 4;
export const UNICAST_REPEAT = 2;
const FIRST_DELAY_MIN_MS = 50;
const FIRST_DELAY_MAX_MS = 250;
const MAX_DELAY_MS = 500;

/**
 * Send times in ms after the first send, starting with 0 (e.g. 0, 150, 450, 950 when random() = 0.5).
 * `random` returns [0, 1) like Math.random; it is injected so tests are deterministic.
 */
export function probeSchedule(random: () => number = Math.random, repeat: number = MULTICAST_REPEAT): number[] {
  const r = Math.min(Math.max(Number(random()) || 0, 0), 1);
  let delay = Math.round(FIRST_DELAY_MIN_MS + r * (FIRST_DELAY_MAX_MS - FIRST_DELAY_MIN_MS));
  const times = [0];
  for (let send = 1; send < repeat; send++) {
    times.push((times[send - 1] ?? 0) + delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
  return times;
}
