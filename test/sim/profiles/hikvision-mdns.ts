import { eui64LinkLocal, type MdnsShape } from '../profile-types.js';

// Hikvision over mDNS (discovery.md §4, real packets [S17]): `_CGI._tcp` instance `HIKVISION <model> - <serial
// tail>`, TXT `path=/`, SRV target `<full serial>.local` port 80, A plus the EUI-64 `fe80::` AAAA. Scanners also
// list `_psia._tcp` for Hikvision (unverified): announced with the same host. No SSDP (no real sample exists).
export const hikvisionMdns: MdnsShape = (cam, serial) => {
  const base = { instance: `HIKVISION ${cam.model} - ${serial.slice(-9)}`, host: `${serial}.local`, port: 80, ipv4: cam.ip };
  const ipv6 = eui64LinkLocal(cam.mac);
  return [
    { ...base, type: '_CGI._tcp', txt: ['path=/'], ipv6 },
    { ...base, type: '_psia._tcp', txt: ['path=/PSIA'], ipv6 },
  ];
};
