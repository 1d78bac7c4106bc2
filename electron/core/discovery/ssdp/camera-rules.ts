/**
 * Is this UPnP device a camera? Decided from the description's deviceType, manufacturer and model, or from the
 * SSDP headers alone when no description could be fetched (discovery reference §3). A MediaServer (minidlna),
 * renderer, router or printer is never a camera, whoever made it; a DigitalSecurityCamera type always is; else
 * a camera vendor or a camera model number decides. Tables, not a chain of ifs, so a vendor is one line.
 */
import type { UpnpDescription } from './description.js';

/** UPnP device types that are never cameras (local name of `urn:schemas-upnp-org:device:<Name>:<v>`). */
const NOT_CAMERA_TYPES = [
  'MediaServer',
  'MediaRenderer',
  'InternetGatewayDevice',
  'WANDevice',
  'WANConnectionDevice',
  'WFADevice',
  'Printer',
  'Scanner',
  'RemoteUIServerDevice',
  'HVAC_System',
  'LANDevice',
];
const CAMERA_TYPE = /(DigitalSecurityCamera|NetworkCamera|IPCamera|NetworkVideoTransmitter)/i;

/** Manufacturers whose UPnP devices are cameras or video recorders (matched at a word start, any case). */
const CAMERA_MANUFACTURERS =
  /\b(axis|hikvision|dahua|hanwha|samsung techwin|wisenet|vivotek|uniview|reolink|amcrest|mobotix|bosch security|avigilon|lorex|foscam|hikrobot|ezviz|tiandy|milesight)\b/i;

/** Model numbers cameras use: Dahua IPC-…, Hikvision DS-2CD…/DS-2DE…, Axis M/P/Q/F-series "AXIS M1065-L". */
const CAMERA_MODELS = /^(IPC-|DH-IPC|DS-2C|DS-2D|AXIS [A-Z]\d{3,4})/i;

/** SSDP headers that only cameras send: Axis's service type, Dahua's SDK SERVER string. */
const CAMERA_HEADERS = [/urn:axis-com:service:BasicService/i, /Dahua/i, /Hikvision/i];

const localType = (deviceType: string | null): string => /:device:([^:]+)/i.exec(deviceType ?? '')?.[1] ?? '';

export function isCameraDescription(d: UpnpDescription): boolean {
  const type = localType(d.deviceType);
  if (NOT_CAMERA_TYPES.some((name) => name.toLowerCase() === type.toLowerCase())) return false;
  if (CAMERA_TYPE.test(d.deviceType ?? '')) return true;
  if (CAMERA_MANUFACTURERS.test(d.manufacturer ?? '')) return true;
  return [d.modelName, d.modelNumber].some((model) => CAMERA_MODELS.test(model ?? ''));
}

/** From headers only (ST/NT, USN, SERVER): true for the camera shapes the reference lists. */
export function isCameraHeaders(headers: ReadonlyMap<string, string>): boolean {
  const text = ['st', 'nt', 'usn', 'server'].map((name) => headers.get(name) ?? '').join(' ');
  return CAMERA_HEADERS.some((pattern) => pattern.test(text));
}
