import type { Api } from '../../../shared/contract.js';
import { downloadText } from '../browser/download.js';
import { useAudit } from '../hooks/use-audit.js';
import { exportFileName, toCsv, toJsonLines } from '../logic/audit-export.js';
import { plural } from '../logic/format.js';
import { AuditTable } from './audit-table.js';

/** Every cloud and camera action, newest first, with Refresh and Export (JSON lines or CSV). */
export function AuditScreen({ api }: { api: Api }) {
  const audit = useAudit(api);
  const empty = audit.entries.length === 0;
  return (
    <main className="screen screen-wide" aria-label="Audit log" data-testid="audit-screen">
      <h2>Audit log</h2>
      <div className="table-controls screen-controls">
        <button type="button" onClick={audit.refresh} disabled={audit.loading} data-testid="audit-refresh">
          {audit.loading ? 'Loading…' : 'Refresh'}
        </button>
        <button
          type="button"
          onClick={() => downloadText(exportFileName(new Date(), 'jsonl'), toJsonLines(audit.entries), 'application/x-ndjson')}
          disabled={empty}
          data-testid="audit-export-jsonl"
        >
          Export JSON lines
        </button>
        <button
          type="button"
          onClick={() => downloadText(exportFileName(new Date(), 'csv'), toCsv(audit.entries), 'text/csv')}
          disabled={empty}
          data-testid="audit-export-csv"
        >
          Export CSV
        </button>
        <span className="muted count" data-testid="audit-count">
          {plural(audit.entries.length, 'entry', 'entries')}
        </span>
      </div>
      {audit.path && (
        <p className="muted small">
          Stored in <span className="mono">{audit.path}</span>
        </p>
      )}
      {audit.error && (
        <div className="notice notice-error" role="alert" data-testid="audit-error">
          The audit log could not be read: {audit.error}
        </div>
      )}
      {empty && !audit.loading && !audit.error && <p className="placeholder">No cloud or camera action has been recorded yet.</p>}
      {!empty && <AuditTable entries={audit.entries} />}
    </main>
  );
}
