/**
 * Per-record budgets, carved out of MAX_DEVICE_JSON_BYTES so that one device's JSON can never outgrow it,
 * whatever a forged packet carries. Hazard: every string here is untrusted LAN text. Sizes are counted as
 * the JSON they become (escapes, UTF-8 bytes), conservatively, so the bound holds for `\u0000`-heavy or
 * non-ASCII input too.
 */
import type { FactName } from '../../../shared/device.js';
import { MAX_DEVICE_JSON_BYTES } from '../../../shared/limits.js';

/** Distinct values kept per fact; a chatty or hostile device cannot grow a record. */
export const MAX_VALUES_PER_FACT = 8;
/** Endpoint UUIDs kept per record; a device cycling through identities cannot grow its record. */
export const MAX_ENDPOINTS = 8;
/** Longest endpoint kept (a UUID is 36 characters; some firmware uses URLs). */
export const MAX_ENDPOINT_COST = 256;
/** Facts are read from at most this many entries of one observation. */
export const MAX_FACTS_PER_OBSERVATION = 64;
/** Interface names come from the OS, but a bound costs nothing. */
export const MAX_INTERFACE_COST = 64;

/** Longest fact value kept; a scope can legally be kilobytes long and would flood the table and logs. */
const MAX_FACT_VALUE_COST = 256;
/** Identity values are short in every real device; a long one is junk that would crowd out the rest. */
const SHORT_VALUE_COST: Partial<Record<FactName, number>> = { mac: 64, ip: 64, serial: 64 };
export const maxValueCost = (name: FactName): number => SHORT_VALUE_COST[name] ?? MAX_FACT_VALUE_COST;

/** ONVIF lists: count and length per item, then one budget for the whole `onvif` object. */
export const ONVIF_LIMITS = { scopes: 32, xaddrs: 8, types: 8, itemCost: 256, typeCost: 128, budget: 1792 };

/**
 * The cloud state's strings: a camera ID (shared/camera-id.ts allows 64) and a sentence, which may quote a
 * server's (scrubbed) detail, so it is clipped by JSON cost like a fact. Worst case ~550 bytes of JSON.
 */
export const CLOUD_LIMITS = { cameraIdCost: 64, messageCost: 384 };

/**
 * Room kept for the fixed fields (id, times, sources, cloud, keys and punctuation): measured ~530 bytes with
 * an unknown cloud state, plus up to ~470 more for a full one (CLOUD_LIMITS), plus the auth fields (AUTH_LIMITS).
 */
const SKELETON_RESERVE = 1280 + 448;
/**
 * The auth status sentence (issue #8) may quote a camera's host and a set name; with the set name and the cloud
 * agent object the auth fields cost at most ~440 bytes of JSON, kept in SKELETON_RESERVE above.
 */
export const AUTH_LIMITS = { messageCost: 320, setCost: 64 };
/** Facts, plus their best values repeated as top-level fields (mac, model, …), share what is left. */
export const FACTS_BUDGET = MAX_DEVICE_JSON_BYTES - ONVIF_LIMITS.budget - SKELETON_RESERVE;
/** `{"value":…,"source":"uuid-suffix","at":"…24 chars…","hint":false},` without the value. */
export const FACT_ENTRY_OVERHEAD = 80;

/** Upper bound on the bytes of one character in JSON.stringify's output (UTF-8), and on its UTF-16 units. */
function charCost(code: number): number {
  if (code < 0x20 || code === 0x22 || code === 0x5c) return 6; // \u0000-style or \" escapes
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 6; // a lone surrogate becomes \udxxx; a pair is 4 bytes
  return 3;
}

/** Bytes a string adds to JSON, quotes included. */
export function jsonCost(text: string): number {
  let cost = 2;
  for (let i = 0; i < text.length; i++) cost += charCost(text.charCodeAt(i));
  return cost;
}

/** The longest prefix of `text` whose JSON cost (quotes excluded) is at most `max`; never splits a pair. */
export function clip(text: string, max: number): string {
  let cost = 0;
  for (let i = 0; i < text.length; i++) {
    cost += charCost(text.charCodeAt(i));
    if (cost > max) {
      const high = text.charCodeAt(i - 1);
      return text.slice(0, high >= 0xd800 && high <= 0xdbff ? i - 1 : i);
    }
  }
  return text;
}

export const clipEndpoint = (endpoint: string): string => clip(endpoint, MAX_ENDPOINT_COST);
