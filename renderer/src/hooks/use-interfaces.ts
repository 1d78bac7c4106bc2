import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/contract.js';
import type { NetInterface } from '../../../shared/net.js';

/** The laptop's IPv4 interfaces as the core sees them, loaded once. */
export function useInterfaces(api: Api, onError: (message: string) => void): NetInterface[] {
  const [interfaces, setInterfaces] = useState<NetInterface[]>([]);
  useEffect(() => {
    let live = true;
    void api['interfaces.list']({}).then((result) => {
      if (!live) return;
      if (result.ok) setInterfaces(result.value.interfaces);
      else onError(result.message);
    });
    return () => {
      live = false;
    };
  }, [api, onError]);
  return interfaces;
}
