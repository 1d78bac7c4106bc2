import type { ScanDiagnostics } from '../../../shared/contract.js';
import type { NetInterface } from '../../../shared/net.js';
import { interfaceLines, sweepLine, usedProtocols, type ProtocolCounts } from '../logic/diagnostics.js';
import { discoveryLabel, formatSeconds } from '../logic/format.js';

type Props = { diagnostics: ScanDiagnostics; interfaces: readonly NetInterface[] };

/**
 * What the last scan did, per interface and protocol: packets sent, replies, devices, errors; then hints, SSDP
 * description counters, the sweep and the interfaces that were skipped. Collapsed until asked for: it is what a
 * technician reads when a camera is missing. Every name here can come from the OS or the LAN: React text only.
 */
export function DiagnosticsPanel({ diagnostics, interfaces }: Props) {
  const lines = interfaceLines(diagnostics, interfaces);
  const protocols = usedProtocols(lines);
  const sweep = sweepLine(diagnostics);
  return (
    <details className="diagnostics" data-testid="diagnostics">
      <summary>
        Diagnostics <span className="muted">· {formatSeconds(diagnostics.durationMs)}</span>
        {(diagnostics.hints?.length ?? 0) > 0 && <span className="badge badge-hint">{diagnostics.hints!.length} hints</span>}
      </summary>
      <div className="diagnostics-body">
        <table className="diagnostics-table" aria-label="Per interface and protocol" data-testid="diagnostics-table">
          <thead>
            <tr>
              <th scope="col">Interface</th>
              {protocols.map((protocol) => (
                <th key={protocol} scope="col">
                  {discoveryLabel(protocol)}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.name} data-testid="diagnostics-interface" data-interface={line.name} data-virtual={line.virtual}>
                <th scope="row">
                  <span className="mono">{line.name}</span> <span className="mono muted">{line.address ?? ''}</span>
                  {line.virtual && (
                    <span
                      className="badge badge-hint"
                      title="A VPN, tunnel or container adapter: probed, but cameras are rarely here"
                      data-testid="virtual-badge"
                    >
                      virtual
                    </span>
                  )}
                </th>
                {protocols.map((protocol) => (
                  <Counts key={protocol} counts={line.protocols[protocol]} protocol={protocol} />
                ))}
                <Counts counts={line.totals ?? undefined} protocol="total" />
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted diagnostics-legend">Each cell: packets sent · replies · devices · errors.</p>
        <dl className="diagnostics-facts">
          <dt>Totals</dt>
          <dd data-testid="diagnostics-totals">
            {diagnostics.probesSent} probes sent, {diagnostics.repliesReceived} replies, {diagnostics.dropped} dropped,{' '}
            {diagnostics.nonCameras} non-cameras
          </dd>
          {diagnostics.ssdp && (
            <>
              <dt>SSDP</dt>
              <dd data-testid="diagnostics-ssdp">
                {diagnostics.ssdp.descriptionsFetched} descriptions fetched, {diagnostics.ssdp.locationsRefused} locations refused
              </dd>
            </>
          )}
          {sweep && (
            <>
              <dt>Sweep</dt>
              <dd data-testid="diagnostics-sweep">{sweep}</dd>
            </>
          )}
          {diagnostics.skipped.length > 0 && (
            <>
              <dt>Skipped</dt>
              {diagnostics.skipped.map((skip) => (
                <dd key={skip.name} data-testid="diagnostics-skipped">
                  <span className="mono">{skip.name}</span>: {skip.reason}
                </dd>
              ))}
            </>
          )}
          {diagnostics.errors.length > 0 && (
            <>
              <dt>Errors</dt>
              {diagnostics.errors.slice(0, 20).map((error, index) => (
                <dd key={index}>{error}</dd>
              ))}
            </>
          )}
        </dl>
        {(diagnostics.hints?.length ?? 0) > 0 && (
          <ul className="diagnostics-hints" data-testid="diagnostics-hints">
            {diagnostics.hints!.slice(0, 20).map((hint, index) => (
              <li key={index}>{hint}</li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

function Counts({ counts, protocol }: { counts: ProtocolCounts | undefined; protocol: string }) {
  if (!counts) return <td className="muted">—</td>;
  return (
    <td
      className={counts.errors > 0 ? 'mono is-error' : 'mono'}
      data-testid="diagnostics-cell"
      data-protocol={protocol}
      data-sent={counts.packetsSent}
      data-replies={counts.replies}
      data-devices={counts.devices}
      data-errors={counts.errors}
      title={`${counts.packetsSent} sent, ${counts.replies} replies, ${counts.devices} devices, ${counts.errors} errors`}
    >
      {counts.packetsSent} · {counts.replies} · {counts.devices} · {counts.errors}
    </td>
  );
}
