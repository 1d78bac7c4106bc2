import type { SimCameraConfig } from './sim-protocol.js';

/** 00:40:8c:12:34:56 → 00408C123456, the way Axis writes its MAC as a serial and in TXT records. */
export const hex12 = (mac: string): string => mac.replaceAll(':', '').toUpperCase();

/**
 * The serial a lab camera reports, the same on every protocol (ONVIF GetDeviceInformation, UPnP serialNumber,
 * Hikvision's mDNS host name): the config's serial, else Axis's MAC-as-serial, else one derived from the MAC.
 */
export const cameraSerial = (cfg: Pick<SimCameraConfig, 'profile' | 'mac' | 'device'>): string =>
  cfg.device?.serial ?? (cfg.profile === 'axis' ? hex12(cfg.mac) : `SN${hex12(cfg.mac)}`);
