import type { SsdpShape } from '../profile-types.js';

// Dahua over SSDP (discovery.md §3.2, home-assistant/core#46822): libupnp-style SERVER, description on :49152 at
// /upnp_device_desc.xml, a UDN that carries the serial (not the MAC) and `X-User-Agent: redsonic`. No mDNS.
const udn = (serial: string): string => `uuid:www.dahuatech.com.device_3_0-${serial}`;

export const dahuaSsdp: SsdpShape = {
  port: 49152,
  path: '/upnp_device_desc.xml',
  server: 'Linux/3.8.8, UPnP/1.0, ZheJiang Dahua Technology CO.,LTD. Upnp SDK',
  extra: ['X-User-Agent: redsonic'],
  targets: (_cam, serial) => ({ udn: udn(serial), deviceType: 'urn:schemas-upnp-org:device:Basic:1', services: [] }),
  description: (cam, serial) => ({
    deviceType: 'urn:schemas-upnp-org:device:Basic:1',
    friendlyName: cam.name ?? cam.model,
    manufacturer: 'Dahua',
    manufacturerURL: 'http://www.dahuasecurity.com/',
    modelName: cam.model,
    modelNumber: cam.model,
    serialNumber: serial,
    udn: udn(serial),
    presentationURL: `http://${cam.ip}/`,
  }),
};
