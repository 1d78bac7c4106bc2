import type { MdnsShape } from '../profile-types.js';

// The generic Chinese OEM: `_rtsp._tcp` and `_onvif._tcp` are the generic camera service types in scanners'
// lists (discovery.md §4: no vendor evidence). This profile stands for such firmware: it announces both,
// host `IPCAM-<last 6 MAC hex>.local`, ONVIF on 8899 as its XAddrs say.
export const oemMdns: MdnsShape = (cam) => {
  const tag = cam.mac.replaceAll(':', '').slice(-6).toUpperCase();
  const base = { instance: `IPCAM-${tag}`, host: `IPCAM-${tag}.local`, ipv4: cam.ip };
  return [
    { ...base, type: '_rtsp._tcp', port: 554, txt: ['path=/11'] },
    { ...base, type: '_onvif._tcp', port: 8899, txt: ['path=/onvif/device_service'] },
  ];
};
