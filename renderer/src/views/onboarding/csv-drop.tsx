import { useState, type DragEvent } from 'react';
import { MAX_CSV_FILE_BYTES } from '../../logic/onboarding-view.js';

export type DroppedCsv = { name: string; text: string };

type Props = { csv: DroppedCsv | null; onCsv: (csv: DroppedCsv | null) => void; disabled?: boolean };

/**
 * Drop zone and file picker for the technician's spreadsheet (CSV). The file is read as text here and checked by
 * the core (encoding, delimiter, columns, rows); only a size bound is enforced before reading.
 */
export function CsvDrop({ csv, onCsv, disabled = false }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const take = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CSV_FILE_BYTES) {
      setProblem(`${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; a CSV of at most 10 MB is accepted.`);
      return;
    }
    setProblem(null);
    void file.text().then(
      (text) => onCsv({ name: file.name, text }),
      () => setProblem(`${file.name} could not be read.`),
    );
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={over ? 'csv-drop is-over' : 'csv-drop'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="csv-drop"
    >
      <label>
        Spreadsheet (CSV: mac and/or serial, password, optional name, location, id){' '}
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={disabled}
          onChange={(event) => take(event.target.files?.[0])}
          data-testid="csv-file"
        />
      </label>
      {csv ? (
        <p className="small">
          <span className="mono" data-testid="csv-name">
            {csv.name}
          </span>{' '}
          <button type="button" onClick={() => onCsv(null)} disabled={disabled} data-testid="csv-clear">
            Remove
          </button>
        </p>
      ) : (
        <p className="muted small">Drop the CSV here, or leave it out to onboard the discovered cameras without one.</p>
      )}
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
