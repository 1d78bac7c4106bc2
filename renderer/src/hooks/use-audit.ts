import { useCallback, useEffect, useState } from 'react';
import type { Api, AuditEntry } from '../../../shared/contract.js';
import { newestFirst } from '../logic/audit-export.js';

export type AuditLog = { entries: AuditEntry[]; path: string | null; error: string | null; loading: boolean; refresh: () => void };

/** The audit log, newest first, loaded when the screen opens and on Refresh. */
export function useAudit(api: Api): AuditLog {
  const [state, setState] = useState<Omit<AuditLog, 'refresh'>>({ entries: [], path: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void api['audit.list']({}).then((result) => {
      if (!live) return;
      if (result.ok) setState({ entries: newestFirst(result.value.entries), path: result.value.path, error: null, loading: false });
      else setState((prev) => ({ ...prev, error: result.message, loading: false }));
    });
    return () => {
      live = false;
    };
  }, [api, generation]);

  const refresh = useCallback(() => {
    setState((prev) => ({ ...prev, loading: true }));
    setGeneration((n) => n + 1);
  }, []);
  return { ...state, refresh };
}
