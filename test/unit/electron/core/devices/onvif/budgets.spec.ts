import { describe, expect, it } from 'vitest';
import { createOnvifClient } from '../../../../../../electron/core/devices/onvif/client.js';
import type { HttpClient, HttpRequest } from '../../../../../../electron/platform/http.js';
import { realClock } from './onvif-fixture.js';

describe('ONVIF call budgets', () => {
  it('asks for at most 3 s and 64 KiB per call, even when a longer timeout is configured', async () => {
    const seen: HttpRequest[] = [];
    const http: HttpClient = {
      request: async (req) => {
        seen.push(req);
        return { ok: false, kind: 'timeout', message: '198.18.0.10 did not answer within 3 s.' };
      },
    };
    const client = createOnvifClient({ http, clock: realClock, xaddr: 'http://198.18.0.10/onvif/device_service', timeoutMs: 30_000 });
    const result = await client.readClock();
    expect(seen.map((r) => [r.timeoutMs, r.maxResponseBytes])).toEqual([[3000, 65_536]]);
    expect(!result.ok && result.failure.kind).toBe('unreachable');
    expect(!result.ok && result.failure.message).toMatch(/did not answer ONVIF GetSystemDateAndTime: .* Check that it is powered/);
  });
});
