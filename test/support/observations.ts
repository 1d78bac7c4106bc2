/** Builders for Observations and facts, shaped like what the discovery sources report. */
import type { Observation, ObservedFact } from '../../electron/core/inventory/observation.js';

export const T0 = Date.parse('2026-11-25T10:00:00Z');

export function obs(partial: Partial<Observation> = {}): Observation {
  return {
    source: 'wsd',
    kind: 'alive',
    at: T0,
    ip: null,
    interface: 'lab0',
    endpoint: null,
    isCamera: true,
    facts: [],
    onvif: null,
    ...partial,
  };
}

export const fact = (
  name: ObservedFact['name'],
  value: string,
  source: ObservedFact['source'] = 'wsd-scope',
  hint = false,
): ObservedFact => ({
  name,
  value,
  source,
  hint,
});

export const mac = (value: string, source: ObservedFact['source'] = 'arp', hint = false): ObservedFact => fact('mac', value, source, hint);
export const serial = (value: string, source: ObservedFact['source'] = 'wsd-scope'): ObservedFact => fact('serial', value, source);

/** A camera's Hello/ProbeMatch as the WS-Discovery source reports it (an Axis M1065-L). */
export function axisHello(ip: string, endpoint: string, at = T0): Observation {
  return obs({
    at,
    ip,
    endpoint,
    facts: [fact('name', 'AXIS M1065-L'), fact('model', 'M1065-L'), fact('hardware', 'M1065-L')],
    onvif: {
      endpoint,
      xaddrs: [`http://${ip}/onvif/device_service`],
      scopes: [
        'onvif://www.onvif.org/type/video_encoder',
        'onvif://www.onvif.org/type/audio_encoder',
        'onvif://www.onvif.org/hardware/M1065-L',
        'onvif://www.onvif.org/name/AXIS%20M1065-L',
        'onvif://www.onvif.org/location/country/sweden',
        'onvif://www.onvif.org/Profile/Streaming',
        'onvif://www.onvif.org/Profile/G',
        'onvif://www.onvif.org/Profile/T',
      ],
      types: ['dn:NetworkVideoTransmitter', 'tds:Device'],
      metadataVersion: 1,
    },
  });
}
