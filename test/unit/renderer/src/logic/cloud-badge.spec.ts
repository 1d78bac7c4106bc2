/** The Cloud column reads like the seed: not registered, waiting (and for how long), token delivered, online. */
import { describe, expect, it } from 'vitest';
import { cloudBadge } from '../../../../../renderer/src/logic/cloud-badge.js';
import { registerBlocker } from '../../../../../renderer/src/logic/cloud-ready.js';
import { describeOutcome, summariseOutcomes } from '../../../../../renderer/src/logic/register-outcome.js';
import { toggleVisible, visibleSelectionState } from '../../../../../renderer/src/logic/selection.js';
import { makeCloudSettings, makeRegisterResult } from '../../../../support/cloud.js';

const cloud = (state: 'unknown' | 'polling' | 'token-delivered' | 'online' | 'failed') => ({
  state,
  channelId: null,
  cameraId: null,
  since: null,
  message: null,
});

describe('cloud badge', () => {
  it('labels every state and adds the expected wait only while waiting', () => {
    expect(cloudBadge(cloud('unknown')).label).toBe('Not registered');
    expect(cloudBadge(cloud('polling'), { phase: 'minutely', withinMs: 60_000, sentence: '' })).toEqual({
      label: 'Waiting for camera',
      tone: 'wait',
      detail: 'asks within a minute',
    });
    expect(cloudBadge(cloud('polling'), { phase: 'hourly', withinMs: 3_600_000, sentence: '' }).detail).toBe('asks within the hour');
    expect(cloudBadge(cloud('token-delivered')).label).toBe('Token delivered');
    expect(cloudBadge(cloud('online'), { phase: 'minutely', withinMs: 1, sentence: '' })).toEqual({
      label: 'Online',
      tone: 'good',
      detail: null,
    });
    expect(cloudBadge(cloud('failed')).tone).toBe('bad');
  });
});

describe('register readiness and outcomes', () => {
  it('says what is missing before registering is possible', () => {
    expect(registerBlocker({ settings: null, error: 'The cloud is not available yet.' })).toBe(
      'Cloud settings could not be loaded: The cloud is not available yet.',
    );
    expect(registerBlocker({ settings: makeCloudSettings(), error: null })).toBe(
      'Enter the admin API URL and the license key on the Cloud screen first.',
    );
    expect(
      registerBlocker({ settings: makeCloudSettings({ apiUrl: 'https://vxg.example', licenseKeySet: true }), error: null }),
    ).toBeNull();
  });

  it('describes a rolled-back failure and a channel left behind differently', () => {
    const rolled = describeOutcome(makeRegisterResult({ status: 'failed', ok: false, rolledBack: true, message: 'Provisioning refused.' }));
    expect(rolled.label).toBe('Failed');
    expect(rolled.sentences).toEqual(['Provisioning refused.', 'The channel created for it was rolled back (deleted again).']);
    const left = describeOutcome(makeRegisterResult({ status: 'failed', ok: false, rolledBack: false, channelId: 42, message: 'x' }));
    expect(left.sentences[1]).toMatch(/\(42\) could not be deleted/);
  });

  it('summarises a batch', () => {
    const results = [
      makeRegisterResult(),
      makeRegisterResult({ status: 'already-registered' }),
      makeRegisterResult({ status: 'failed', ok: false }),
    ];
    expect(summariseOutcomes(results)).toBe('3 cameras: 1 registered · 1 already registered · 1 failed');
  });
});

describe('selection', () => {
  it('select-all ticks only the shown rows and reports mixed states', () => {
    const ticked = toggleVisible(new Set(['hidden']), ['a', 'b'], true);
    expect([...ticked].sort()).toEqual(['a', 'b', 'hidden']);
    expect(visibleSelectionState(ticked, ['a', 'b'])).toBe('all');
    expect(visibleSelectionState(new Set(['a']), ['a', 'b'])).toBe('some');
    expect([...toggleVisible(ticked, ['a', 'b'], false)]).toEqual(['hidden']);
  });
});
