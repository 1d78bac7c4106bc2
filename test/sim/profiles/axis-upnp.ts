import type { MdnsShape, SsdpShape } from '../profile-types.js';

// Axis speaks both UPnP and Bonjour (discovery.md §3.2–§4, HA test data [S16]): the MAC (12 upper-case hex
// digits) is its serialNumber, the tail of its UDN and of its friendlyName, and its `_axis-video._tcp` TXT
// `macaddress`; the mDNS host is `axis-<mac>.local`. libupnp ("Portable SDK") serves the description on 49152.
const MAC = (mac: string): string => mac.replaceAll(':', '').toUpperCase();

export const axisSsdp: SsdpShape = {
  port: 49152,
  path: '/rootdesc1.xml',
  server: 'Linux/4.14.173-axis8, UPnP/1.0, Portable SDK for UPnP devices/1.8.7',
  targets: (cam) => ({
    udn: `uuid:Upnp-BasicDevice-1_0-${MAC(cam.mac)}`,
    deviceType: 'urn:schemas-upnp-org:device:Basic:1',
    services: ['urn:axis-com:service:BasicService:1'],
  }),
  description: (cam) => ({
    deviceType: 'urn:schemas-upnp-org:device:Basic:1',
    friendlyName: `AXIS ${cam.model} - ${MAC(cam.mac)}`,
    manufacturer: 'AXIS',
    manufacturerURL: 'http://www.axis.com/',
    modelDescription: `AXIS ${cam.model} Network Camera`,
    modelName: `AXIS ${cam.model}`,
    modelNumber: cam.model,
    modelURL: 'http://www.axis.com/',
    serialNumber: MAC(cam.mac),
    udn: `uuid:Upnp-BasicDevice-1_0-${MAC(cam.mac)}`,
    presentationURL: `http://${cam.ip}:80/`,
  }),
};

export const axisMdns: MdnsShape = (cam) => [
  {
    type: '_axis-video._tcp',
    instance: `AXIS ${cam.model} - ${MAC(cam.mac)}`,
    host: `axis-${MAC(cam.mac).toLowerCase()}.local`,
    port: 80,
    txt: [`macaddress=${MAC(cam.mac)}`],
    ipv4: cam.ip,
  },
];
