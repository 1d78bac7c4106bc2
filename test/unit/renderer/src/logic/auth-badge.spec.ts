/** The identity columns' words: what a technician reads in the Auth and Cloud agent columns and the MAC origin. */
import { describe, expect, it } from 'vitest';
import { agentLabel, authBadge, macSourcePhrase } from '../../../../../renderer/src/logic/auth-badge.js';
import { sourceLabel } from '../../../../../renderer/src/logic/format.js';

const auth = (status: 'authenticated' | 'refused' | 'locked' | 'unreachable' | 'error' | 'not-tried', set: string | null = null) => ({
  status,
  set,
  message: 'm',
  at: '2026-11-26T05:00:00.000Z',
});

describe('authBadge', () => {
  it('names the set that worked and says the other outcomes in one word', () => {
    expect(authBadge(auth('authenticated', 'Site default'))).toEqual({ label: 'Authenticated (Site default)', tone: 'good' });
    expect(authBadge(auth('refused')).label).toBe('Refused');
    expect(authBadge(auth('locked'))).toEqual({ label: 'Locked', tone: 'bad' });
    expect(authBadge(auth('unreachable')).label).toBe('Unreachable');
    expect(authBadge(auth('not-tried')).label).toBe('Not tried');
    expect(authBadge(null).label).toBe('—');
  });
});

describe('agentLabel', () => {
  it('says whether the agent runs and holds a token, never more', () => {
    expect(agentLabel({ installed: 'running', token: 'has-token' })).toBe('Agent running · has token');
    expect(agentLabel({ installed: 'running', token: 'no-token' })).toBe('Agent running · no token');
    expect(agentLabel({ installed: 'stopped', token: 'no-token' })).toBe('Agent stopped · no token');
    expect(agentLabel({ installed: 'absent', token: 'unknown' })).toBe('not installed');
    expect(agentLabel({ installed: 'unknown', token: 'unknown' })).toBe('—');
    expect(agentLabel(null)).toBe('—');
  });
});

describe('macSourcePhrase', () => {
  it('uses the short protocol names for device-read and neighbour-table MACs', () => {
    expect(macSourcePhrase('onvif', sourceLabel)).toBe('from ONVIF');
    expect(macSourcePhrase('vapix', sourceLabel)).toBe('from VAPIX');
    expect(macSourcePhrase('arp', sourceLabel)).toBe('from ARP');
    expect(macSourcePhrase('uuid-suffix', sourceLabel)).toBe('from endpoint UUID suffix');
    expect(macSourcePhrase(null, sourceLabel)).toBeNull();
  });
});
