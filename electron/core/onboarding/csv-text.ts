/**
 * The technician's file as text: size bound, strict UTF-8 (a bad byte is named by its line), BOM dropped, line
 * endings made `\n`, and the delimiter read off the header line. Pure; never throws.
 */
import { MAX_CSV_BYTES } from '../../../shared/onboarding.js';

export type CsvDelimiter = ',' | ';';
export type CsvText = { ok: true; text: string; delimiter: CsvDelimiter } | { ok: false; line: number | null; message: string };

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** Physical line (1-based) of the first byte that is not valid UTF-8. `\n` never occurs inside a UTF-8 sequence. */
function firstBadUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    line += 1;
    start = end + 1;
  }
  return line - 1;
}

/**
 * Comma or semicolon, whichever the header line holds more of outside quotes (Excel writes `;` where the
 * decimal separator is a comma). A header with neither is one column; `,` is as good as any then.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

export function decodeCsv(bytes: Uint8Array): CsvText {
  if (bytes.length > MAX_CSV_BYTES) {
    return {
      ok: false,
      line: null,
      message: `The file is larger than ${megabytes(MAX_CSV_BYTES)} MB (${bytes.length.toLocaleString('en')} bytes). Split it into smaller files.`,
    };
  }
  let text: string;
  try {
    // fatal: a wrong encoding must be reported, not silently turned into U+FFFD inside a MAC or password.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = firstBadUtf8Line(bytes);
    return {
      ok: false,
      line,
      message: `Line ${line} is not valid UTF-8 text. Save the file as "CSV UTF-8" (in Excel: Save As → CSV UTF-8) and try again.`,
    };
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, line: null, message: 'The file is empty; it needs a header line and one row per camera.' };
  const newline = text.indexOf('\n');
  return { ok: true, text, delimiter: detectDelimiter(newline === -1 ? text : text.slice(0, newline)) };
}
