import { useEffect, useRef } from 'react';

/** The header checkbox: ticks every shown row; shows "mixed" when only some are ticked. */
export function SelectAllBox({ state, onChange }: { state: 'all' | 'some' | 'none'; onChange: (on: boolean) => void }) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={box}
      type="checkbox"
      checked={state === 'all'}
      onChange={() => onChange(state !== 'all')}
      aria-label="Select all shown cameras"
      data-testid="select-all"
    />
  );
}
