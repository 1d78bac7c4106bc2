import type { RefObject } from 'react';
import type { TokenSource } from '../logic/token-plan.js';

type Props = {
  /** Another channel's token or a pasted one belongs to one camera: offered only when one is ticked. */
  single: boolean;
  source: TokenSource;
  onSource: (source: TokenSource) => void;
  channel: string;
  onChannel: (text: string) => void;
  /** Uncontrolled: the pasted token stays in the input until submit, never in React state. */
  tokenInput: RefObject<HTMLInputElement | null>;
  onTokenBlur: () => void;
  disabled: boolean;
};

/** Which token goes onto the camera: its own channel's (default), another channel's, or one pasted from the dashboard. */
export function TokenChoice({ single, source, onSource, channel, onChannel, tokenInput, onTokenBlur, disabled }: Props) {
  const option = (value: TokenSource, label: string, note: string) => (
    <label className="choice">
      <input
        type="radio"
        name="token-source"
        value={value}
        checked={source === value}
        onChange={() => onSource(value)}
        disabled={value !== 'own' && !single}
        data-testid={`token-source-${value}`}
      />
      <span>
        {label}
        <span className="field-note"> {note}</span>
      </span>
    </label>
  );
  return (
    <fieldset className="token-choice" disabled={disabled}>
      <legend>Which token</legend>
      {option('own', 'Its own channel', 'found or created by the camera’s ID, exactly as Register does.')}
      {option('channel', 'Another channel', 'the camera moves to that channel.')}
      {source === 'channel' && (
        <label className="field">
          <span>Channel id</span>
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={channel}
            onChange={(event) => onChannel(event.target.value)}
            data-testid="token-channel-id"
            autoFocus
          />
        </label>
      )}
      {option('token', 'A pasted token', 'copied from the VXG dashboard (an “all” token; a “watch” token is refused).')}
      <label className="field" hidden={source !== 'token'}>
        <span>Access token</span>
        <input ref={tokenInput} type="password" autoComplete="off" spellCheck={false} onBlur={onTokenBlur} data-testid="token-paste" />
      </label>
      {!single && <p className="field-note">To write another channel’s or a pasted token, tick a single camera.</p>}
    </fieldset>
  );
}
