/**
 * ONVIF device-service replies shaped like real cameras' (shared/reference/discovery.md §6: Hikvision
 * GetNetworkInterfaces with IPv6 and vendor extensions, Axis GetDeviceInformation with serial = MAC,
 * Bosch-style 18-digit serials). The simulator spells out its own XML; no app code is shared.
 */
export interface DeviceFacts {
  manufacturer: string;
  model: string;
  firmware: string;
  serial: string;
  hardwareId: string;
  /** aa:bb:cc:dd:ee:ff */
  mac: string;
  ip: string;
  scopes: string[];
}

export type EnvelopePrefix = 'env' | 'SOAP-ENV' | 's';

const NAMESPACES =
  'xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema" ' +
  'xmlns:ter="http://www.onvif.org/ver10/error" xmlns:hikxsd="http://www.hikvision.com/2011/event/topics"';

const esc = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function wrap(prefix: EnvelopePrefix, body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${prefix}:Envelope xmlns:${prefix}="http://www.w3.org/2003/05/soap-envelope" ${NAMESPACES}>` +
    `<${prefix}:Header></${prefix}:Header><${prefix}:Body>${body}</${prefix}:Body></${prefix}:Envelope>`
  );
}

export function fault(prefix: EnvelopePrefix, subcode: string, reason: string): string {
  return wrap(
    prefix,
    `<${prefix}:Fault><${prefix}:Code><${prefix}:Value>${prefix}:Sender</${prefix}:Value><${prefix}:Subcode>` +
      `<${prefix}:Value>${subcode}</${prefix}:Value></${prefix}:Subcode></${prefix}:Code><${prefix}:Reason>` +
      `<${prefix}:Text xml:lang="en">${esc(reason)}</${prefix}:Text></${prefix}:Reason></${prefix}:Fault>`,
  );
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}
const partsOf = (ms: number): Parts => {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
};
const dateTime = (tag: string, p: Parts): string =>
  `<tt:${tag}><tt:Time><tt:Hour>${p.hour}</tt:Hour><tt:Minute>${p.minute}</tt:Minute><tt:Second>${p.second}</tt:Second></tt:Time>` +
  `<tt:Date><tt:Year>${p.year}</tt:Year><tt:Month>${p.month}</tt:Month><tt:Day>${p.day}</tt:Day></tt:Date></tt:${tag}>`;

export interface ClockFacts {
  /** The camera's idea of UTC now. */
  utcMs: number;
  /** POSIX TZ, e.g. "CST-8"; null = none sent. */
  tz: string | null;
  /** Hours east of UTC the local time is written in. */
  localEastHours: number;
  /** False: the camera leaves UTCDateTime out (only LocalDateTime), as some cameras do. */
  sendUtc: boolean;
}

export function systemDateAndTime(clock: ClockFacts): string {
  const local = partsOf(clock.utcMs + clock.localEastHours * 3_600_000);
  return (
    `<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>` +
    `<tt:DaylightSavings>false</tt:DaylightSavings>` +
    (clock.tz === null ? '' : `<tt:TimeZone><tt:TZ>${esc(clock.tz)}</tt:TZ></tt:TimeZone>`) +
    (clock.sendUtc ? dateTime('UTCDateTime', partsOf(clock.utcMs)) : '') +
    dateTime('LocalDateTime', local) +
    `</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`
  );
}

export const deviceInformation = (f: DeviceFacts): string =>
  `<tds:GetDeviceInformationResponse><tds:Manufacturer>${esc(f.manufacturer)}</tds:Manufacturer>` +
  `<tds:Model>${esc(f.model)}</tds:Model><tds:FirmwareVersion>${esc(f.firmware)}</tds:FirmwareVersion>` +
  `<tds:SerialNumber>${esc(f.serial)}</tds:SerialNumber><tds:HardwareId>${esc(f.hardwareId)}</tds:HardwareId>` +
  `</tds:GetDeviceInformationResponse>`;

/** Two interfaces like a camera with Wi-Fi: a disabled one listed first (with its own MAC), then the wired one. */
export function networkInterfaces(f: DeviceFacts, wlanMac: string): string {
  const iface = (token: string, enabled: boolean, name: string, mac: string, ip: string | null): string =>
    `<tds:NetworkInterfaces token="${token}"><tt:Enabled>${enabled}</tt:Enabled><tt:Info><tt:Name>${name}</tt:Name>` +
    `<tt:HwAddress>${mac}</tt:HwAddress><tt:MTU>1500</tt:MTU></tt:Info><tt:Link><tt:AdminSettings><tt:AutoNegotiation>true` +
    `</tt:AutoNegotiation><tt:Speed>100</tt:Speed><tt:Duplex>Full</tt:Duplex></tt:AdminSettings></tt:Link>` +
    `<tt:IPv4><tt:Enabled>${ip !== null}</tt:Enabled><tt:Config>` +
    (ip === null ? '' : `<tt:Manual><tt:Address>${ip}</tt:Address><tt:PrefixLength>24</tt:PrefixLength></tt:Manual>`) +
    `<tt:DHCP>false</tt:DHCP></tt:Config></tt:IPv4><tt:IPv6><tt:Enabled>true</tt:Enabled><tt:Config><tt:AcceptRouterAdvert>false` +
    `</tt:AcceptRouterAdvert><tt:DHCP>Off</tt:DHCP><tt:LinkLocal><tt:Address>fe80::2a57:beff:fe00:1</tt:Address>` +
    `<tt:PrefixLength>64</tt:PrefixLength></tt:LinkLocal></tt:Config></tt:IPv6>` +
    `<tt:Extension><tt:InterfaceType>6</tt:InterfaceType></tt:Extension></tds:NetworkInterfaces>`;
  return (
    `<tds:GetNetworkInterfacesResponse>${iface('wlan0', false, 'wlan0', wlanMac, null)}` +
    `${iface('eth0', true, 'eth0', f.mac, f.ip)}</tds:GetNetworkInterfacesResponse>`
  );
}

export const scopes = (f: DeviceFacts): string =>
  `<tds:GetScopesResponse>${f.scopes
    .map(
      (s, i) =>
        `<tds:Scopes><tt:ScopeDef>${i < 3 ? 'Fixed' : 'Configurable'}</tt:ScopeDef><tt:ScopeItem>${esc(s)}</tt:ScopeItem></tds:Scopes>`,
    )
    .join('')}</tds:GetScopesResponse>`;
