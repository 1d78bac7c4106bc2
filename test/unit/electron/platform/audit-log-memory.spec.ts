import { describe, expect, it } from 'vitest';
import { createMemoryAuditLog } from '../../../../electron/platform/audit-log.js';

describe('memory audit log', () => {
  it('redacts and caps like the file, and keeps the newest entries', async () => {
    const log = createMemoryAuditLog(
      () => 0,
      () => ['Sticker-Pw-9'],
    );
    await log.append({
      action: 'provisioning.post',
      camera: 'ACCC8E12AB34',
      result: 'failed',
      message: 'password Sticker-Pw-9 refused',
      via: 'ui',
    });
    await log.append({ action: 'x', camera: null, result: 'info', message: 'm'.repeat(3000), via: 'cli' });
    const [first, second] = await log.list(10);
    expect(first).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      action: 'provisioning.post',
      camera: 'ACCC8E12AB34',
      result: 'failed',
      message: 'password [redacted] refused',
      via: 'ui',
    });
    expect(second?.message.length).toBe(1024);
    expect(log.path).toBeNull();
  });
});
