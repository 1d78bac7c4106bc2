/** Lab suites skip loudly on a laptop, and refuse to skip in CI (CAMERA_FINDER_REQUIRE_LAB=1). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceSkip, REQUIRE_LAB_ENV, skipLoudly } from '../../lab/can-run.js';

afterEach(() => vi.restoreAllMocks());

const warnings = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);

describe('announceSkip', () => {
  it('fails the suite in CI when the lab cannot run, naming the suite and the reason', () => {
    const warn = warnings();
    const env = { [REQUIRE_LAB_ENV]: '1' };
    expect(() => announceSkip('ONVIF discovery in the lab', { labReason: 'the network lab needs root', env })).toThrow(
      'ONVIF discovery in the lab must run here (CAMERA_FINDER_REQUIRE_LAB=1, as in CI) but cannot: the network lab needs root.',
    );
    expect(() => announceSkip('Chromium end-to-end', { labReason: null, missing: '/usr/bin/chromium is not installed', env })).toThrow(
      /Chromium end-to-end must run here .* \/usr\/bin\/chromium is not installed/,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips loudly without the CI flag, with a line the summary reporter lists', () => {
    const warn = warnings();
    expect(announceSkip('npm start fallback', { labReason: 'the app is not built', env: {} })).toBe(true);
    expect(warn).toHaveBeenCalledWith('[SKIPPED] npm start fallback: the app is not built.');
    expect(announceSkip('x', { labReason: 'the lab needs root', env: { [REQUIRE_LAB_ENV]: '0' } })).toBe(true);
  });

  it('runs the suite when nothing is missing, in CI or not', () => {
    const warn = warnings();
    expect(announceSkip('lab', { labReason: null, env: { [REQUIRE_LAB_ENV]: '1' } })).toBe(false);
    expect(announceSkip('lab', { labReason: null, missing: null, env: {} })).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the allowed skip (no Electron runtime) loud but never fatal', () => {
    const warn = warnings();
    skipLoudly('Electron launch', 'the Electron runtime is not downloaded here.');
    expect(warn).toHaveBeenCalledWith('[SKIPPED] Electron launch: the Electron runtime is not downloaded here.');
  });
});
