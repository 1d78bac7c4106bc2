/** Identify's report in words: per camera and the one-line summary. */
import { describe, expect, it } from 'vitest';
import { describeIdentify, summariseIdentify } from '../../../../../renderer/src/logic/identify-outcome.js';
import { defaultColumns, shownColumns, slotColumns, toggleColumn } from '../../../../../renderer/src/logic/columns.js';
import { makeIdentifyResult } from '../../../../support/devices.js';

describe('describeIdentify', () => {
  it('says which set worked, or the outcome, and keeps the core sentence', () => {
    expect(describeIdentify(makeIdentifyResult())).toEqual({
      label: 'Authenticated with set Site default',
      tone: 'good',
      sentence: 'Logged in with the set "Site default".',
    });
    const locked = describeIdentify(makeIdentifyResult({ status: 'locked', set: 'Site default', message: 'Wait 30 minutes.' }));
    expect(locked).toEqual({ label: 'Locked', tone: 'bad', sentence: 'Wait 30 minutes.' });
  });
});

describe('summariseIdentify', () => {
  it('counts outcomes in a fixed order', () => {
    const results = [
      makeIdentifyResult({ status: 'refused' }),
      makeIdentifyResult(),
      makeIdentifyResult({ status: 'not-tried' }),
      makeIdentifyResult(),
    ];
    expect(summariseIdentify(results)).toBe('4 cameras: 2 authenticated, 1 refused, 1 not tried');
    expect(summariseIdentify([])).toBe('No camera to identify.');
  });
});

describe('identity columns', () => {
  it('shows auth, serial, firmware and sources by default, in table order whatever order they are switched on', () => {
    expect(shownColumns(defaultColumns())).toEqual(['sources', 'auth', 'serial', 'firmware']);
    const columns = toggleColumn(toggleColumn(defaultColumns(), 'serial', false), 'lastSeen', true);
    expect(shownColumns(toggleColumn(columns, 'serial', true))).toEqual(['sources', 'auth', 'serial', 'firmware', 'lastSeen']);
    expect(slotColumns(shownColumns(columns), 'afterIp')).toEqual(['sources', 'auth']);
    expect(slotColumns(shownColumns(columns), 'afterModel')).toEqual(['firmware']);
    expect(slotColumns(shownColumns(columns), 'last')).toEqual(['lastSeen']);
  });
});
