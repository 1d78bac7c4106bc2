/** Fake clock and UDP sockets so source tests run instantly and send nothing on any network. */
import { ManualClock } from './manual-clock.js';
import type { LogFields, Logger, RemoteInfo, UdpSocket, UdpSocketOptions } from '../../electron/platform/ports.js';

/** Lets promise callbacks (bind, send, close) settle. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** The shared manual clock, starting where the discovery tests expect. */
export class FakeClock extends ManualClock {
  constructor() {
    super(1_700_000_000_000);
  }
}

export interface Sent {
  text: string;
  port: number;
  address: string;
  at: number;
}

export class FakeSocket implements UdpSocket {
  boundTo: { port: number; address: string | undefined } | null = null;
  sends: Sent[] = [];
  memberships: [string, string][] = [];
  multicastInterface: string | null = null;
  ttl: number | null = null;
  closed = false;
  private messageListeners: ((data: Buffer, from: RemoteInfo) => void)[] = [];
  private errorListeners: ((error: Error) => void)[] = [];
  constructor(
    readonly options: UdpSocketOptions | undefined,
    private readonly net: FakeUdp,
  ) {}
  async bind(port: number, address?: string) {
    if (address && this.net.failBindOn.has(address)) throw new Error(`bind EADDRNOTAVAIL ${address}`);
    this.boundTo = { port, address };
    return { address: address ?? '0.0.0.0', port: port || 50_000 };
  }
  async send(data: Uint8Array, port: number, address: string) {
    if (this.closed) throw new Error('Not running');
    if (this.net.failSend) throw new Error('send EPERM');
    this.sends.push({ text: Buffer.from(data).toString('utf8'), port, address, at: this.net.clock.now() });
  }
  addMembership(group: string, interfaceAddress: string) {
    if (this.net.failMembershipOn.has(interfaceAddress)) throw new Error('addMembership EADDRNOTAVAIL');
    this.memberships.push([group, interfaceAddress]);
  }
  dropMembership() {}
  setMulticastInterface(interfaceAddress: string) {
    this.multicastInterface = interfaceAddress;
  }
  setMulticastTTL(ttl: number) {
    this.ttl = ttl;
  }
  setMulticastLoopback() {}
  onMessage(listener: (data: Buffer, from: RemoteInfo) => void) {
    this.messageListeners.push(listener);
  }
  onError(listener: (error: Error) => void) {
    this.errorListeners.push(listener);
  }
  async close() {
    this.closed = true;
  }
  /** An asynchronous socket error (ICMP unreachable, ENOBUFS …), as the adapter reports it. */
  fail(error: Error) {
    for (const listener of this.errorListeners) listener(error);
  }
  /** A datagram arriving from the LAN. */
  deliver(data: Uint8Array | string, address: string, port = 3702) {
    if (this.closed) return;
    const buffer = Buffer.from(data);
    for (const listener of this.messageListeners) listener(buffer, { address, port, size: buffer.length });
  }
}

export class FakeUdp {
  sockets: FakeSocket[] = [];
  failBindOn = new Set<string>();
  failMembershipOn = new Set<string>();
  failSend = false;
  constructor(readonly clock: FakeClock) {}
  factory = (options?: UdpSocketOptions): UdpSocket => {
    const socket = new FakeSocket(options, this);
    this.sockets.push(socket);
    return socket;
  };
  /** Sockets opened and not yet closed. */
  open(): FakeSocket[] {
    return this.sockets.filter((socket) => !socket.closed);
  }
  boundOn(address: string): FakeSocket {
    const socket = this.sockets.find((s) => s.boundTo?.address === address);
    if (!socket) throw new Error(`no socket bound on ${address}`);
    return socket;
  }
}

export class MemoryLog implements Logger {
  lines: { level: string; message: string; fields?: LogFields }[] = [];
  debug = (message: string, fields?: LogFields) => void this.lines.push({ level: 'debug', message, fields });
  info = (message: string, fields?: LogFields) => void this.lines.push({ level: 'info', message, fields });
  warn = (message: string, fields?: LogFields) => void this.lines.push({ level: 'warn', message, fields });
  error = (message: string, fields?: LogFields) => void this.lines.push({ level: 'error', message, fields });
}
