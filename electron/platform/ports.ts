/**
 * The outside world, as the core sees it. Every capability takes these as arguments so that tests pass
 * fakes, or real sockets inside a lab network namespace.
 */
import type { NetInterface } from '../../shared/net.js';
import type { AuditLog } from './audit-log.js';
import type { HttpClient } from './http.js';
import type { SecretStore } from './secrets.js';

export interface RemoteInfo {
  address: string;
  port: number;
  size: number;
}

/** The slice of a `node:dgram` IPv4 socket the discovery sources use. */
export interface UdpSocket {
  bind(port: number, address?: string): Promise<{ address: string; port: number }>;
  send(data: Uint8Array, port: number, address: string): Promise<void>;
  addMembership(group: string, interfaceAddress: string): void;
  dropMembership(group: string, interfaceAddress: string): void;
  setMulticastInterface(interfaceAddress: string): void;
  setMulticastTTL(ttl: number): void;
  setMulticastLoopback(on: boolean): void;
  /** Ask for a larger kernel receive buffer (the OS may cap it); optional so fakes need not implement it. */
  setRecvBufferSize?(bytes: number): void;
  onMessage(listener: (data: Buffer, from: RemoteInfo) => void): void;
  onError(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface UdpSocketOptions {
  reuseAddr?: boolean;
  /** 'udp6' for IPv6 (WS-Discovery on ff02::c); IPv4 when absent. */
  type?: 'udp4' | 'udp6';
}

export type UdpSocketFactory = (options?: UdpSocketOptions) => UdpSocket;

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(fn: () => void, ms: number): () => void;
}

export type LogFields = Record<string, unknown>;

/** Redacts secrets before anything is written; see platform/logger.ts. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface SettingsStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

export interface NetworkPort {
  /** IPv4 interfaces that are up and not loopback. */
  interfaces(): NetInterface[];
}

export interface NeighbourEntry {
  ip: string;
  mac: string;
  interface: string | null;
}

export interface NeighbourPort {
  /** The OS neighbour (ARP) table, already parsed and normalised; incomplete entries left out. */
  read(): Promise<NeighbourEntry[]>;
}

export interface Ports {
  udp: UdpSocketFactory;
  clock: Clock;
  log: Logger;
  settings: SettingsStore;
  network: NetworkPort;
  neighbours: NeighbourPort;
  http: HttpClient;
  secrets: SecretStore;
  audit: AuditLog;
}
