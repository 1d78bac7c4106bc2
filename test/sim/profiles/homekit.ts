import { dnsLabel } from '../mdns/dns-wire.js';
import { hashUuid, type Profile, type SimCamera } from '../profile-types.js';

// A HomeKit camera (discovery.md §4): no ONVIF, no UPnP; it is visible only as a `_hap._tcp` service with TXT
// `ci=17` (HAP category IP camera), `md` its model and `id` its pairing id — a random MAC-shaped value that is
// NOT its MAC (a client that takes it as one is wrong). Its WS-Discovery side is silent (`wsd: false`).
const pairingId = (cam: SimCamera): string =>
  (hashUuid(`hap:${cam.mac}`).replace(/-/g, '').slice(0, 12).match(/../g) ?? []).join(':').toUpperCase();
const tag = (cam: SimCamera): string => cam.mac.replaceAll(':', '').slice(-4).toUpperCase();
const none = (): Buffer => Buffer.alloc(0);

export const homekit: Profile = {
  name: 'homekit',
  ouis: ['00:1f:20', '44:73:d6'],
  defaultModel: 'Circle View',
  types: [],
  wsd: false,
  uuidFor: (seed) => hashUuid(`homekit:${seed}`),
  epr: (cam) => `urn:uuid:${cam.uuid}`,
  probeMatches: none,
  hello: none,
  bye: none,
  mdns: (cam) => [
    {
      type: '_hap._tcp',
      instance: dnsLabel(`${cam.name ?? cam.model} ${tag(cam)}`),
      host: `${dnsLabel((cam.name ?? cam.model).replace(/[^A-Za-z0-9]+/g, '-'))}-${tag(cam)}.local`,
      port: 51827,
      txt: ['c#=2', 'ff=0', `id=${pairingId(cam)}`, `md=${cam.model}`, 'pv=1.1', 's#=1', 'sf=0', 'ci=17', 'sh=lHzDqQ=='],
      ipv4: cam.ip,
    },
  ],
};
