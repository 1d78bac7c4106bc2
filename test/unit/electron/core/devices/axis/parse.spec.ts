import { describe, expect, it } from 'vitest';
import { parseApplicationList, parseBasicDeviceInfo, parseParamList } from '../../../../../../electron/core/devices/axis/parse.js';

describe('VAPIX parsers', () => {
  it('keeps "=" inside values and accepts CRLF lines', () => {
    const parsed = parseParamList('root.VXGCloudAgent.CloudToken=eyJhIjoxfQ==\r\nroot.VXGCloudAgent.InsecureCloudConnection=no\r\n');
    expect(parsed.ok && parsed.params.get('root.VXGCloudAgent.CloudToken')).toBe('eyJhIjoxfQ==');
  });

  it('turns "# Error" lines into an error, with the camera’s words', () => {
    expect(parseParamList("# Error: Error -1 getting param in group 'root.VXGCloudAgent'\r\n")).toEqual({
      ok: false,
      error: "Error: Error -1 getting param in group 'root.VXGCloudAgent'",
    });
  });

  it('refuses an endless parameter list', () => {
    expect(parseParamList('root.a=b\n'.repeat(5000)).ok).toBe(false);
  });

  it('reads application attributes whatever their case and skips nameless entries', () => {
    const parsed = parseApplicationList(
      '<reply result="ok"><application name="VXGCloudAgent" status="Running" version="2.2.27"/><application Status="Running"/></reply>',
    );
    expect(parsed.ok && parsed.applications).toEqual([{ name: 'VXGCloudAgent', niceName: '', version: '2.2.27', status: 'Running' }]);
  });

  it('basic device info: an error object or a wrong shape is null, numbers are not taken for strings', () => {
    expect(parseBasicDeviceInfo({ apiVersion: '1.0', error: { code: 4002 } })).toBeNull();
    expect(parseBasicDeviceInfo({ data: { propertyList: { SerialNumber: 1234, ProdNbr: 'P3818-PVE' } } })).toMatchObject({
      serial: '',
      model: 'P3818-PVE',
    });
  });
});
