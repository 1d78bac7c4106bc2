import type { Profile, ProfileName } from './profile-types.js';
import { axis } from './profiles/axis.js';
import { dahua } from './profiles/dahua.js';
import { garbage } from './profiles/garbage.js';
import { hikvision } from './profiles/hikvision.js';
import { homekit } from './profiles/homekit.js';
import { reolink } from './profiles/reolink.js';
import { soap11Oem } from './profiles/soap11-oem.js';
import { windowsPc } from './profiles/windows-pc.js';

export type { MessageContext, Profile, ProfileName, SimCamera } from './profile-types.js';

/** Vendor profiles: each speaks WS-Discovery, SSDP and mDNS the way that vendor's devices do, or not at all (discovery.md). */
export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  axis,
  hikvision,
  dahua,
  reolink,
  'soap11-oem': soap11Oem,
  'windows-pc': windowsPc,
  garbage,
  homekit,
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

export function getProfile(name: ProfileName): Profile {
  return PROFILES[name];
}
