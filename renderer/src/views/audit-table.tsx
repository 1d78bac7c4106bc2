import type { AuditEntry } from '../../../shared/contract.js';
import { formatDateTime } from '../logic/format.js';

const RESULT_LABEL: Record<AuditEntry['result'], string> = { ok: 'ok', failed: 'failed', info: 'info' };

/** The audit entries as rows; messages may quote the cloud or a camera, so they are text only. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="device-table audit-table" aria-label="Audit entries" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Action</th>
            <th scope="col">Camera</th>
            <th scope="col">Result</th>
            <th scope="col">Message</th>
            <th scope="col">Via</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={index} data-testid="audit-row" data-result={entry.result}>
              <td className="mono">{formatDateTime(entry.at)}</td>
              <td className="mono">{entry.action}</td>
              <td className="mono">{entry.camera ?? ''}</td>
              <td>
                <span className={`badge badge-cloud tone-${entry.result === 'ok' ? 'good' : entry.result === 'failed' ? 'bad' : 'none'}`}>
                  {RESULT_LABEL[entry.result]}
                </span>
              </td>
              <td className="audit-message" title={entry.message}>
                {entry.message}
              </td>
              <td>{entry.via}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
