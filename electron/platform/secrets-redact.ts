/**
 * Secrets that can hide inside free text: auth headers and token query strings. Shared by the logger and the
 * audit log; it imports nothing so both can use it without an import cycle through the ports.
 */
const SECRET_TEXT: [RegExp, string][] = [
  [/\b(LKey|Acc|SI|Basic|Digest|Bearer)\s+[^\s,;"']+/gi, '$1 [redacted]'],
  [/([?&](token|password|key)=)[^&\s"']+/gi, '$1[redacted]'],
];

export function redactText(text: string): string {
  return SECRET_TEXT.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}
