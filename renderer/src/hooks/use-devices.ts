import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/contract.js';
import { startDeviceFeed } from '../logic/device-feed.js';
import { emptyDeviceState, type DeviceState } from '../logic/device-store.js';

/**
 * The live device registry: `devices.list` once, then every device event. Bursts of events (hundreds of
 * cameras answering within a second) are folded into one render per animation frame.
 */
export function useDevices(api: Api, onError: (message: string) => void): DeviceState & { loaded: boolean } {
  const [state, setState] = useState<DeviceState & { loaded: boolean }>({ ...emptyDeviceState, loaded: false });

  useEffect(() => {
    let latest: DeviceState | null = null;
    let frame: number | null = null;
    const flush = () => {
      frame = null;
      if (latest) setState({ ...latest, loaded: true });
    };
    const stop = startDeviceFeed(
      api,
      (next) => {
        latest = next;
        frame ??= requestAnimationFrame(flush);
      },
      onError,
    );
    return () => {
      stop();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [api, onError]);

  return state;
}
