import { useCallback, useEffect, useState } from 'react';
import type { Api, CloudSettings } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';
import type { CloudSettingsLoad } from '../logic/cloud-ready.js';
import type { SettingsPatch } from '../logic/settings-form.js';

export type CloudSettingsHook = CloudSettingsLoad & {
  reload: () => void;
  /** Sends a patch; on success the shared copy (used by the register action too) is replaced. */
  save: (patch: SettingsPatch) => Promise<Result<CloudSettings>>;
};

/**
 * The cloud settings as the core reports them (never a secret, only whether one is set). A failed load is kept
 * as a sentence for the Cloud screen and the register hint rather than raised as a banner: until the cloud
 * capability is available the core answers `unavailable`, and the device screen must stay quiet about it.
 */
export function useCloudSettings(api: Api): CloudSettingsHook {
  const [load, setLoad] = useState<CloudSettingsLoad>({ settings: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void api['cloud.settings.get']({}).then((result) => {
      if (!live) return;
      setLoad(result.ok ? { settings: result.value, error: null } : { settings: null, error: result.message });
    });
    return () => {
      live = false;
    };
  }, [api, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const save = useCallback(
    async (patch: SettingsPatch) => {
      const result = await api['cloud.settings.set'](patch);
      if (result.ok) setLoad({ settings: result.value, error: null });
      return result;
    },
    [api],
  );
  return { ...load, reload, save };
}
