import { useCallback, useEffect, useState } from 'react';
import type { Api, CommandArgs, OnboardJob } from '../../../shared/contract.js';
import type { z } from 'zod';
import type { onboardMatchSchema } from '../../../shared/contract/onboard.js';

export type OnboardMatch = z.infer<typeof onboardMatchSchema>;
export type OnboardScope = CommandArgs<'onboard.preview'>;

export type OnboardingHook = {
  job: OnboardJob | null;
  /** An unfinished job in the ledger (after a restart of the app): offer Resume. */
  resumable: boolean;
  match: OnboardMatch | null;
  busy: boolean;
  error: string | null;
  preview: (scope: OnboardScope) => void;
  start: (args: CommandArgs<'onboard.start'>) => void;
  pause: () => void;
  resume: () => void;
  cancel: () => void;
  /** The handover report's CSV text and file name, or null (error set) when it could not be made. */
  report: () => Promise<{ csv: string; fileName: string } | null>;
  clearMatch: () => void;
};

/**
 * The onboarding job as the core reports it: `onboard.status` when the screen opens (a job left unfinished by a
 * restart shows as resumable), then `onboard-progress` events. Commands answer with the job too, so a missed event
 * never leaves the table stale.
 */
export function useOnboarding(api: Api): OnboardingHook {
  const [job, setJob] = useState<OnboardJob | null>(null);
  const [resumable, setResumable] = useState(false);
  const [match, setMatch] = useState<OnboardMatch | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const off = api.on('onboard-progress', ({ job: next }) => {
      if (live) setJob(next);
    });
    void api['onboard.status']({}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setJob((current) => current ?? result.value.job);
        setResumable(result.value.resumable);
      } else setError(result.message);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);

  const command = useCallback((run: () => ReturnType<Api['onboard.pause']>) => {
    setBusy(true);
    setError(null);
    void run().then((result) => {
      setBusy(false);
      if (result.ok) {
        setJob(result.value);
        setResumable(false);
      } else setError(result.message);
    });
  }, []);

  const preview = useCallback(
    (scope: OnboardScope) => {
      setBusy(true);
      setError(null);
      void api['onboard.preview'](scope).then((result) => {
        setBusy(false);
        if (result.ok) setMatch(result.value);
        else setError(result.message);
      });
    },
    [api],
  );

  const report = useCallback(async () => {
    const result = await api['onboard.report']({});
    if (result.ok) return result.value;
    setError(result.message);
    return null;
  }, [api]);

  return {
    job,
    resumable,
    match,
    busy,
    error,
    preview,
    start: (args) => command(() => api['onboard.start'](args)),
    pause: () => command(() => api['onboard.pause']({})),
    resume: () => command(() => api['onboard.resume']({})),
    cancel: () => command(() => api['onboard.cancel']({})),
    report,
    clearMatch: () => setMatch(null),
  };
}
