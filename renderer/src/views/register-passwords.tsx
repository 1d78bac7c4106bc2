import { passwordFor, type Passwords, type PlanRow } from '../logic/register-plan.js';

type Props = { rows: PlanRow[]; passwords: Passwords; disabled: boolean; onChange: (passwords: Passwords) => void };

/** The cameras to register, the ID each will use, and a password field per camera (or one for all). */
export function RegisterPasswords({ rows, passwords, disabled, onChange }: Props) {
  return (
    <fieldset className="register-passwords" disabled={disabled}>
      <legend className="visually-hidden">Sticker passwords</legend>
      {rows.length > 1 && (
        <label className="toggle">
          <input
            type="checkbox"
            checked={passwords.same}
            onChange={(event) => onChange({ ...passwords, same: event.target.checked })}
            data-testid="same-password"
          />
          Same password for all
        </label>
      )}
      {passwords.same && (
        <label className="field">
          <span>Password for all {rows.length} cameras</span>
          <input
            type="password"
            autoComplete="off"
            value={passwords.shared}
            onChange={(event) => onChange({ ...passwords, shared: event.target.value })}
            data-testid="shared-password"
            autoFocus
          />
        </label>
      )}
      <div className="dialog-table-wrap">
        <table className="device-table register-table">
          <thead>
            <tr>
              <th scope="col">MAC</th>
              <th scope="col">Model</th>
              <th scope="col">Camera ID</th>
              {!passwords.same && <th scope="col">Sticker password</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.deviceId} data-testid="register-row">
                <td className="mono">{row.mac ?? <span className="muted">unknown</span>}</td>
                <td>{row.model ?? ''}</td>
                <td className="mono" data-testid="register-camera-id">
                  {row.cameraId ?? <span className="error-text">none — no MAC/serial</span>}
                </td>
                {!passwords.same && (
                  <td>
                    <input
                      type="password"
                      autoComplete="off"
                      aria-label={`Password for ${row.mac ?? row.cameraId ?? row.deviceId}`}
                      value={passwordFor(passwords, row.deviceId)}
                      onChange={(event) =>
                        onChange({ ...passwords, perCamera: { ...passwords.perCamera, [row.deviceId]: event.target.value } })
                      }
                      data-testid="row-password"
                      autoFocus={index === 0}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
