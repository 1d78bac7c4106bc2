import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';
import type { CredentialList } from '../logic/credential-list.js';
import type { SaveArgs } from '../logic/credential-form.js';

export type CredentialsHook = {
  list: CredentialList | null;
  /** The core's sentence when the sets cannot be read (`unavailable` until the vault is built in). */
  error: string | null;
  reload: () => void;
  save: (args: SaveArgs) => Promise<Result<CredentialList>>;
  remove: (name: string) => Promise<Result<CredentialList>>;
};

/**
 * The credential sets as the core reports them: names, scope and match only. The password passes through
 * `save` once and is never held here; the answer to every call replaces the list.
 */
export function useCredentials(api: Api): CredentialsHook {
  const [state, setState] = useState<{ list: CredentialList | null; error: string | null }>({ list: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void api['credentials.list']({}).then((result) => {
      if (!live) return;
      setState(result.ok ? { list: result.value, error: null } : { list: null, error: result.message });
    });
    return () => {
      live = false;
    };
  }, [api, generation]);

  const adopt = useCallback((result: Result<CredentialList>) => {
    if (result.ok) setState({ list: result.value, error: null });
    return result;
  }, []);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const save = useCallback(async (args: SaveArgs) => adopt(await api['credentials.save'](args)), [api, adopt]);
  const remove = useCallback(async (name: string) => adopt(await api['credentials.remove']({ name })), [api, adopt]);
  return { ...state, reload, save, remove };
}
