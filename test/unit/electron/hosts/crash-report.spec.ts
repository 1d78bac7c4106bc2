import { describe, expect, it } from 'vitest';
import { redactedCrashReport } from '../../../../electron/hosts/crash-report.js';

describe('crash report', () => {
  it('keeps the stack but not the token of a request URL that made a parser throw', () => {
    const token = 'G7sqeX37HUc7EQTKiYZ8UMVExQRB1po9';
    let error: unknown;
    try {
      new URL(`//a:99999/ws?token=${token}`, 'http://placeholder');
    } catch (e) {
      error = e;
    }
    const report = redactedCrashReport(error);
    expect(report).toContain('Invalid URL');
    expect(report).toContain('input: //a:99999/ws?token=[redacted]');
    expect(report).not.toContain(token);
  });

  it('removes a known secret wherever it appears', () => {
    const token = 'abcdefghijklmnop';
    expect(redactedCrashReport(new Error(`bad value ${token} in frame`), [token])).not.toContain(token);
    expect(redactedCrashReport(`thrown string ${token}`, [token])).toBe('thrown string [redacted]');
  });
});
