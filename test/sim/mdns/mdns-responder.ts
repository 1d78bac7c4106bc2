/**
 * The mDNS side of a camera-sim process (runs only inside a lab namespace): one listener on 0.0.0.0:5353 in
 * 224.0.0.251, and per camera whose profile announces services a socket on <camera ip>:5353, so its answers,
 * announcements and goodbyes leave from the camera's own address.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { cameraSerial } from '../camera-serial.js';
import type { Profile } from '../profile-types.js';
import type { SimCameraConfig } from '../sim-protocol.js';
import { encodeResponse, parseQuery } from './dns-wire.js';
import { announcement, answerFor, type ServiceInstance } from './mdns-answers.js';

export const MDNS_GROUP = '224.0.0.251';
export const MDNS_PORT = 5353;

export type MdnsCamera = { cfg: SimCameraConfig; profile: Profile };
type Entry = { cam: MdnsCamera; socket: Socket; services: ServiceInstance[] };

export interface MdnsResponder {
  announce(id: string): Promise<void>;
  goodbye(id: string): Promise<void>;
  close(): void;
}

const bindUdp = (socket: Socket, address: string): Promise<void> =>
  new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ port: MDNS_PORT, address, exclusive: false }, () => {
      socket.off('error', reject);
      resolve();
    });
  });

const send = (socket: Socket, msg: Buffer, port: number, address: string): Promise<void> =>
  new Promise((resolve) => socket.send(msg, port, address, () => resolve()));

async function openCamera(cam: MdnsCamera, onError: (m: string) => void): Promise<Entry | null> {
  const services = cam.profile.mdns?.(cam.cfg, cameraSerial(cam.cfg)) ?? [];
  if (services.length === 0) return null;
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  await bindUdp(socket, cam.cfg.ip);
  socket.on('error', (e) => onError(`mdns ${cam.cfg.id}: ${String(e)}`));
  socket.setMulticastInterface(cam.cfg.ip);
  socket.setMulticastTTL(255);
  socket.setMulticastLoopback(false);
  return { cam, socket, services };
}

export async function startMdns(cams: MdnsCamera[], joinIp: string, onError: (m: string) => void): Promise<MdnsResponder> {
  const entries = (await Promise.all(cams.map((c) => openCamera(c, onError)))).filter((e): e is Entry => e !== null);
  const byId = new Map(entries.map((e) => [e.cam.cfg.id, e]));

  const answer = (candidates: Entry[], data: Buffer, from: RemoteInfo): void => {
    const query = parseQuery(data);
    if (!query) return;
    const legacy = from.port !== MDNS_PORT;
    for (const e of candidates) {
      if (!e.cam.cfg.running) continue;
      const recs = answerFor(query, e.services);
      if (!recs) continue;
      // RFC 6762 §6: a legacy (non-5353) querier gets a unicast answer echoing its id and questions at once;
      // QU questions a unicast answer; everyone else a multicast one after 20–120 ms.
      if (legacy) {
        void send(e.socket, encodeResponse(query.id, recs.answers, recs.additionals, query.questions), from.port, from.address);
        continue;
      }
      const unicast = query.questions.every((q) => q.unicastResponse);
      setTimeout(
        () => {
          if (!e.cam.cfg.running) return;
          const packet = encodeResponse(0, recs.answers, recs.additionals);
          void send(e.socket, packet, MDNS_PORT, unicast ? from.address : MDNS_GROUP);
        },
        20 + Math.random() * 100,
      );
    }
  };

  const listener = createSocket({ type: 'udp4', reuseAddr: true });
  if (entries.length > 0) {
    await bindUdp(listener, '0.0.0.0');
    listener.on('error', (e) => onError(`mdns listener: ${String(e)}`));
    listener.addMembership(MDNS_GROUP, joinIp);
    listener.on('message', (data, from) => answer(entries, data, from));
  }
  // A unicast query to <camera ip>:5353 is answered by that camera only.
  for (const e of entries) e.socket.on('message', (data, from) => answer([e], data, from));

  const each = async (id: string, goodbye: boolean): Promise<void> => {
    const e = byId.get(id);
    if (!e) return;
    for (const s of e.services) {
      const a = announcement(s, goodbye);
      await send(e.socket, encodeResponse(0, a.answers, a.additionals), MDNS_PORT, MDNS_GROUP);
    }
  };

  return {
    // RFC 6762 §8.3: at least two unsolicited announcements, one second apart.
    announce: async (id) => {
      await each(id, false);
      setTimeout(() => void (byId.get(id)?.cam.cfg.running ? each(id, false) : undefined), 1000).unref();
    },
    goodbye: (id) => each(id, true),
    close: () => {
      if (entries.length > 0) listener.close();
      for (const e of entries) e.socket.close();
    },
  };
}
