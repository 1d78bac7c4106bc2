/**
 * "Does anything accept TCP on ip:port?" as an injected function, so tests fake it and never connect anywhere.
 * The node adapter here is small enough to live beside its one user; it binds the local end to the sending
 * interface's address so the check leaves from an interface in the scan's plan. (It could move to platform/.)
 */
import { connect } from 'node:net';

export type TcpConnect = (ip: string, port: number, timeoutMs: number, localAddress: string) => Promise<boolean>;

export const nodeTcpConnect: TcpConnect = (ip, port, timeoutMs, localAddress) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: ip, port, localAddress });
    const done = (open: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(open);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    // `on`, not `once`: a second error after destroy() must still find a listener, or it would crash the app.
    socket.on('error', () => done(false)); // refused, unreachable, reset: closed for our purpose
  });
