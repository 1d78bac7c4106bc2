/**
 * A record's ONVIF block, bounded: scopes, XAddrs and types are kept at full length by the WS-Discovery
 * parser, and ~1,400 forged fat Hellos once pushed `devices.list` past V8's largest string. Hazard: untrusted.
 */
import type { OnvifInfo } from '../../../shared/device.js';
import { clip, clipEndpoint, jsonCost, ONVIF_LIMITS } from './bounds.js';

/** `{"endpoint":,"xaddrs":[],"scopes":[],"types":[],"metadataVersion":}` plus a number's longest form. */
const FIXED_COST = 72 + 24;

const listCost = (items: readonly string[]) => items.reduce((sum, item) => sum + jsonCost(item) + 1, 0);

/** A copy within ONVIF_LIMITS: first items kept (the parser puts XAddrs on the packet's source first). */
export function boundedOnvif(info: OnvifInfo): OnvifInfo {
  const item = (text: string) => clip(text, ONVIF_LIMITS.itemCost);
  const bounded: OnvifInfo = {
    endpoint: info.endpoint === null ? null : clipEndpoint(info.endpoint),
    xaddrs: info.xaddrs.slice(0, ONVIF_LIMITS.xaddrs).map(item),
    scopes: info.scopes.slice(0, ONVIF_LIMITS.scopes).map(item),
    types: info.types.slice(0, ONVIF_LIMITS.types).map((t) => clip(t, ONVIF_LIMITS.typeCost)),
    metadataVersion: typeof info.metadataVersion === 'number' && Number.isFinite(info.metadataVersion) ? info.metadataVersion : null,
  };
  let cost = FIXED_COST + jsonCost(bounded.endpoint ?? '') + listCost(bounded.xaddrs) + listCost(bounded.scopes) + listCost(bounded.types);
  // Over budget: scopes go first (descriptive), then spare XAddrs, then types, and last the first XAddr.
  const order: [string[], number][] = [
    [bounded.scopes, 0],
    [bounded.xaddrs, 1],
    [bounded.types, 0],
    [bounded.xaddrs, 0],
  ];
  for (const [list, keep] of order) {
    while (cost > ONVIF_LIMITS.budget && list.length > keep) cost -= jsonCost(list.pop() ?? '') + 1;
  }
  return bounded;
}
