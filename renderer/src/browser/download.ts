/**
 * Saves text as a file through a Blob URL and an <a download>. No navigation happens (the window blocks
 * navigation), and the URL is revoked right after the click so the export does not linger in memory.
 */
export function downloadText(fileName: string, text: string, mimeType: string, page: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  try {
    const link = page.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    page.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoke on the next turn: some browsers start the download asynchronously after click().
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
