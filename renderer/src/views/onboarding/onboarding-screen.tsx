import { useState } from 'react';
import type { Api } from '../../../../shared/contract.js';
import type { OnboardingMode } from '../../../../shared/onboarding.js';
import { downloadText } from '../../browser/download.js';
import { useOnboarding, type OnboardScope } from '../../hooks/use-onboarding.js';
import { isActive, JOB_STATE_LABELS, MODE_LABELS, parseSubnets, progressLine } from '../../logic/onboarding-view.js';
import { CsvDrop, type DroppedCsv } from './csv-drop.js';
import { JobTable } from './job-table.js';
import { MatchPreview } from './match-preview.js';
import { PrintReport } from './print-report.js';

type Props = { api: Api; interfaces: string[] };

/**
 * Batch onboarding (issue #11): scope and mode, the spreadsheet, the match shown before anything changes, then a
 * live per-camera table with pause / resume / cancel, and the handover report (CSV or printable page). A job left
 * unfinished by a restart of the app is offered for resuming when the screen opens.
 */
export function OnboardingScreen({ api, interfaces }: Props) {
  const onboarding = useOnboarding(api);
  const { job, match } = onboarding;
  const [mode, setMode] = useState<OnboardingMode>('provision');
  const [csv, setCsv] = useState<DroppedCsv | null>(null);
  const [subnets, setSubnets] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [printing, setPrinting] = useState(false);
  const active = isActive(job);

  const scope = (): OnboardScope => {
    const list = parseSubnets(subnets);
    return {
      ...(csv ? { csv } : {}),
      ...(chosen.size > 0 ? { interfaces: [...chosen] } : {}),
      ...(list.length > 0 ? { subnets: list } : {}),
    };
  };
  const changeScope = (apply: () => void) => {
    apply();
    onboarding.clearMatch();
  };
  const exportReport = () => {
    void onboarding.report().then((report) => {
      if (report) downloadText(report.fileName, report.csv, 'text/csv');
    });
  };

  if (printing && job) return <PrintReport job={job} printedAt={new Date()} onClose={() => setPrinting(false)} />;

  return (
    <main className="screen screen-wide" aria-label="Onboarding" data-testid="onboarding-screen">
      <h2>Onboard a site</h2>
      {onboarding.error && (
        <div className="notice notice-error" role="alert" data-testid="onboarding-error">
          {onboarding.error}
        </div>
      )}
      {onboarding.resumable && job && !active && (
        <div className="notice notice-warn" data-testid="resumable">
          <p>
            A job was left unfinished ({progressLine(job.progress)}). Resume it where it stopped; nothing done before is repeated.
            {job.mode === 'provision'
              ? ' If it used a spreadsheet, drop the same CSV again first: its passwords are not kept on disk.'
              : ''}
          </p>
          <button
            type="button"
            disabled={onboarding.busy}
            onClick={() => onboarding.start({ mode: job.mode, scope: scope(), resume: true })}
            data-testid="resume-job"
          >
            Resume job
          </button>
        </div>
      )}

      <fieldset disabled={active || onboarding.busy} className="onboarding-scope">
        <legend>Scope and mode</legend>
        <div role="radiogroup" aria-label="Mode">
          {(Object.keys(MODE_LABELS) as OnboardingMode[]).map((m) => (
            <label key={m} className="block">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`mode-${m}`} />{' '}
              {MODE_LABELS[m]}
            </label>
          ))}
        </div>
        {interfaces.length > 0 && (
          <div aria-label="Interfaces">
            Interfaces (none ticked: all):{' '}
            {interfaces.map((name) => (
              <label key={name} className="inline">
                <input
                  type="checkbox"
                  checked={chosen.has(name)}
                  onChange={(event) =>
                    changeScope(() =>
                      setChosen((prev) => {
                        const next = new Set(prev);
                        if (event.target.checked) next.add(name);
                        else next.delete(name);
                        return next;
                      }),
                    )
                  }
                />{' '}
                {name}
              </label>
            ))}
          </div>
        )}
        <label className="block">
          Routed subnets to sweep (optional, e.g. 198.19.0.0/24){' '}
          <input
            type="text"
            value={subnets}
            maxLength={2000}
            onChange={(event) => changeScope(() => setSubnets(event.target.value))}
            data-testid="onboard-subnets"
          />
        </label>
        <CsvDrop csv={csv} onCsv={(next) => changeScope(() => setCsv(next))} />
        <button type="button" onClick={() => onboarding.preview(scope())} data-testid="onboard-preview">
          Check the match
        </button>
      </fieldset>

      {match && !active && <MatchPreview match={match} />}
      {match && !active && (
        <button
          type="button"
          className="primary"
          disabled={onboarding.busy || match.matched.length === 0}
          onClick={() => onboarding.start({ mode, scope: scope() })}
          data-testid="onboard-start"
        >
          Start onboarding {match.matched.length} {match.matched.length === 1 ? 'camera' : 'cameras'}
        </button>
      )}

      {job && (
        <section aria-label="Job" data-testid="job">
          <h3>
            Job: {JOB_STATE_LABELS[job.progress.state]} <span className="muted small">({MODE_LABELS[job.mode]})</span>
          </h3>
          <p data-testid="job-progress" aria-live="polite">
            {progressLine(job.progress)}
          </p>
          {job.ledgerPath && (
            <p className="muted small">
              Ledger: <span className="mono">{job.ledgerPath}</span>
            </p>
          )}
          <div className="table-controls">
            {job.progress.state === 'running' && (
              <button type="button" onClick={onboarding.pause} disabled={onboarding.busy} data-testid="job-pause">
                Pause
              </button>
            )}
            {job.progress.state === 'paused' && (
              <button type="button" onClick={onboarding.resume} disabled={onboarding.busy} data-testid="job-resume">
                Resume
              </button>
            )}
            {active && (
              <button
                type="button"
                onClick={onboarding.cancel}
                disabled={onboarding.busy || job.progress.state === 'cancelling'}
                data-testid="job-cancel"
              >
                Cancel
              </button>
            )}
            <button type="button" onClick={exportReport} data-testid="report-csv">
              Export report (CSV)
            </button>
            <button type="button" onClick={() => setPrinting(true)} data-testid="report-print">
              Printable report
            </button>
          </div>
          <JobTable job={job} />
        </section>
      )}
    </main>
  );
}
