import type { ScanDiagnostics } from '../../../shared/contract.js';
import { formatSeconds, plural } from '../logic/format.js';
import type { FinishReason } from '../logic/scan-state.js';

const REASON_TEXT: Record<FinishReason, string> = {
  completed: 'Last scan',
  stopped: 'Scan stopped',
  failed: 'Scan failed',
};

/** One line about the last scan, so the technician can tell "nothing answered" from "nothing was probed". */
export function ScanSummary({ last, reason }: { last: ScanDiagnostics | null; reason: FinishReason | null }) {
  if (!last) return null;
  const parts = [
    `${REASON_TEXT[reason ?? 'completed']} took ${formatSeconds(last.durationMs)}`,
    plural(last.interfaces.length, 'interface'),
    plural(last.repliesReceived, 'reply', 'replies'),
  ];
  if (last.dropped > 0) parts.push(`${last.dropped} dropped`);
  return (
    <span role="status" className={`scan-summary muted${reason === 'failed' ? ' is-failed' : ''}`} data-testid="scan-summary">
      {parts.join(' · ')}
    </span>
  );
}
