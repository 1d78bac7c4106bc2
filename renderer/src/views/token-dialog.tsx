import { useRef, useState } from 'react';
import type { TokenWriteResult } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';
import { plural } from '../logic/format.js';
import { pastedTokenProblem, rotateArgs, tokenWriteArgs, type TokenSource, type TokenWriteArgs } from '../logic/token-plan.js';
import { TokenChoice } from './token-choice.js';
import { TokenResults } from './token-results.js';
import { CloseFooter, FormFooter } from './dialog-footer.js';

export type TokenDialogRow = { deviceId: string; label: string };

type Props = {
  mode: 'write' | 'rotate';
  rows: readonly TokenDialogRow[];
  write: (args: TokenWriteArgs) => Promise<Result<{ results: TokenWriteResult[] }>>;
  onClose: () => void;
};

/**
 * Write a token onto the ticked cameras (their own channel's, another channel's or a pasted one), or rotate them;
 * then each camera's steps. A pasted token is read from its (password) input at submit, sent once and cleared:
 * it never sits in React state. The cameras' cloud badges follow by device-updated events.
 */
export function TokenDialog({ mode, rows, write, onClose }: Props) {
  const [source, setSource] = useState<TokenSource>('own');
  const [channel, setChannel] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [results, setResults] = useState<TokenWriteResult[] | null>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const ids = rows.map((row) => row.deviceId);
  const title = mode === 'rotate' ? `Rotate tokens on ${plural(rows.length, 'camera')}` : `Write token to ${plural(rows.length, 'camera')}`;

  const submit = async () => {
    const pasted = tokenInput.current?.value ?? '';
    const planned = mode === 'rotate' ? rotateArgs(ids) : tokenWriteArgs(ids, source, channel, pasted);
    if ('problem' in planned) return setProblem(planned.problem);
    if (tokenInput.current) tokenInput.current.value = '';
    setProblem(null);
    setBusy(true);
    const answer = await write(planned.args);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.message);
    setResults(answer.value.results);
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="token-title"
        data-testid="token-dialog"
        onKeyDown={(event) => event.key === 'Escape' && !busy && onClose()}
      >
        <h2 id="token-title">{title}</h2>
        {results ? (
          <TokenResults rows={rows} results={results} />
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            {mode === 'rotate' ? (
              <p className="muted" data-testid="rotate-explain">
                Each camera gets its own channel’s token again (a new one where the cloud issues one). Camera Finder logs in with the
                credential set that identified it, remembers the current token, writes the new one, reads it back, restarts the cloud agent
                and waits for the channel to come online; if any step fails it writes the old token back.
              </p>
            ) : (
              <TokenChoice
                single={rows.length === 1}
                source={source}
                onSource={setSource}
                channel={channel}
                onChannel={setChannel}
                tokenInput={tokenInput}
                disabled={busy}
                onTokenBlur={() => {
                  const pasted = tokenInput.current?.value ?? '';
                  setProblem(pasted.trim() === '' ? null : pastedTokenProblem(pasted));
                }}
              />
            )}
            <ul className="plain-list dialog-camera-list" aria-label="Cameras">
              {rows.map((row) => (
                <li key={row.deviceId} className="mono small" data-testid="token-camera">
                  {row.label}
                </li>
              ))}
            </ul>
            <FormFooter
              id="token"
              problem={problem}
              busy={busy}
              submitLabel={mode === 'rotate' ? 'Rotate' : 'Write token'}
              busyLabel="Writing…"
              onCancel={onClose}
            />
          </form>
        )}
        {results && <CloseFooter onClose={onClose} />}
      </div>
    </div>
  );
}
