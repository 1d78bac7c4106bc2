/**
 * The SSDP side of a camera-sim process (runs only inside a lab namespace): one listener on 0.0.0.0:1900 in the
 * group, and per camera whose profile speaks SSDP a socket on <camera ip>:1900 (answers and NOTIFY leave from
 * the camera's own address) plus its description XML over HTTP on <camera ip>:<profile port>.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import { cameraSerial } from '../camera-serial.js';
import type { Profile } from '../profile-types.js';
import type { SimCameraConfig } from '../sim-protocol.js';
import { SSDP_GROUP, SSDP_PORT, descriptionXml, matchSearch, notify, parseMSearch, searchResponse, type SsdpHeaders } from './ssdp-wire.js';

export type SsdpCamera = { cfg: SimCameraConfig; profile: Profile };

/** libupnp spreads answers over MX seconds; capped so a client listening MX + 1 s hears every one. */
const MAX_SPREAD_MS = 1000;

type Entry = { cam: SsdpCamera; socket: Socket; http: Server; headers: SsdpHeaders };

export interface SsdpResponder {
  alive(id: string): Promise<void>;
  byebye(id: string): Promise<void>;
  close(): Promise<void>;
}

const bindUdp = (socket: Socket, address: string): Promise<void> =>
  new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ port: SSDP_PORT, address, exclusive: false }, () => {
      socket.off('error', reject);
      resolve();
    });
  });

const listen = (server: Server, host: string, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });

const send = (socket: Socket, msg: Buffer, port: number, address: string): Promise<void> =>
  new Promise((resolve) => socket.send(msg, port, address, () => resolve()));

async function openCamera(cam: SsdpCamera, onError: (m: string) => void): Promise<Entry | null> {
  const shape = cam.profile.ssdp;
  if (!shape) return null;
  const serial = cameraSerial(cam.cfg);
  const xml = descriptionXml(shape.description(cam.cfg, serial));
  const http = createServer((req, res) => {
    if (req.method === 'GET' && req.url === shape.path) {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset="utf-8"', 'Content-Length': Buffer.byteLength(xml) });
      res.end(xml);
    } else {
      res.writeHead(404).end();
    }
  });
  await listen(http, cam.cfg.ip, shape.port);
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  await bindUdp(socket, cam.cfg.ip);
  socket.on('error', (e) => onError(`ssdp ${cam.cfg.id}: ${String(e)}`));
  socket.setMulticastInterface(cam.cfg.ip);
  socket.setMulticastTTL(4);
  socket.setMulticastLoopback(false);
  const headers: SsdpHeaders = {
    location: `http://${cam.cfg.ip}:${shape.port}${shape.path}`,
    server: shape.server,
    ...(shape.extra ? { extra: shape.extra } : {}),
  };
  return { cam, socket, http, headers };
}

export async function startSsdp(cams: SsdpCamera[], joinIp: string, onError: (m: string) => void): Promise<SsdpResponder> {
  const entries = (await Promise.all(cams.map((c) => openCamera(c, onError)))).filter((e): e is Entry => e !== null);
  const byId = new Map(entries.map((e) => [e.cam.cfg.id, e]));
  const targetsOf = (e: Entry) => e.cam.profile.ssdp!.targets(e.cam.cfg, cameraSerial(e.cam.cfg));

  const answer = (candidates: Entry[], data: Buffer, from: RemoteInfo, multicast: boolean): void => {
    const search = parseMSearch(data, multicast);
    if (!search) return;
    for (const e of candidates) {
      if (!e.cam.cfg.running) continue;
      const hits = matchSearch(search.st, targetsOf(e));
      if (hits.length === 0) continue;
      const spread = Math.min((search.mx ?? 0) * 1000, MAX_SPREAD_MS);
      setTimeout(() => {
        if (!e.cam.cfg.running) return;
        for (const hit of hits) void send(e.socket, searchResponse(e.headers, hit), from.port, from.address);
      }, Math.random() * spread);
    }
  };
  // Unicast M-SEARCH to <camera ip>:1900 reaches only that camera's socket.
  for (const e of entries) e.socket.on('message', (data, from) => answer([e], data, from, false));

  const listener = createSocket({ type: 'udp4', reuseAddr: true });
  if (entries.length > 0) {
    await bindUdp(listener, '0.0.0.0');
    listener.on('error', (e) => onError(`ssdp listener: ${String(e)}`));
    // As for WS-Discovery: one membership reaches every macvlan camera of the namespace.
    listener.addMembership(SSDP_GROUP, joinIp);
    listener.on('message', (data, from) => answer(entries, data, from, true));
  }

  const announce = async (id: string, nts: 'ssdp:alive' | 'ssdp:byebye'): Promise<void> => {
    const e = byId.get(id);
    if (!e) return;
    const t = targetsOf(e);
    for (const hit of matchSearch('ssdp:all', t)) await send(e.socket, notify(e.headers, hit, nts), SSDP_PORT, SSDP_GROUP);
  };

  return {
    alive: (id) => announce(id, 'ssdp:alive'),
    byebye: (id) => announce(id, 'ssdp:byebye'),
    close: async () => {
      if (entries.length > 0) listener.close();
      await Promise.all(
        entries.map(async (e) => {
          e.socket.close();
          await new Promise<void>((r) => e.http.close(() => r()));
        }),
      );
    },
  };
}
