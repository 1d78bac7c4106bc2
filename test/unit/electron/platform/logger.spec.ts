import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../electron/platform/logger.js';

describe('redacting logger', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, log: createLogger({ level: 'debug', sink: (l) => lines.push(l) }) };
  };

  it('never writes secret-named fields', () => {
    const { lines, log } = capture();
    log.info('registering', {
      licenseKey: 'LK-123',
      camera: { password: 'hunter2', mac: '00:40:8c:12:34:56' },
      accessToken: 'eyJjYW1pZCI6MX0=',
    });
    const text = lines.join('\n');
    expect(text).not.toMatch(/LK-123|hunter2|eyJjYW1pZCI6MX0=/);
    expect(text).toContain('00:40:8c:12:34:56');
  });

  it('scrubs auth headers and token query strings hidden in free text', () => {
    const { lines, log } = capture();
    log.warn('request failed: Authorization: LKey abc123 for http://h/?token=s3cret&x=1');
    expect(lines[0]).not.toMatch(/abc123|s3cret/);
    expect(lines[0]).toContain('x=1');
  });

  it('redacts every secret field name the cloud service uses', () => {
    const { lines, log } = capture();
    const fields = { licenseKey: 's1', password: 's2', token: 's3', authorization: 's4', provisioningPassword: 's5', Authorization: 's6' };
    log.info('cloud call', fields);
    const written = JSON.parse(lines[0] as string) as Record<string, unknown>;
    for (const name of Object.keys(fields)) expect(written[name]).toBe('[redacted]');
  });

  it('respects the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', sink: (l) => lines.push(l) });
    log.info('chatty');
    log.warn('important');
    expect(lines).toHaveLength(1);
  });
});
