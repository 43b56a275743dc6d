/**
 * Offers bytes as a download from a page: an <a download> of a Blob URL, which works the same on a
 * page opened from disk, from an intranet server, from `npm start`, and in Office on the web's
 * pane (a frame of the user's own browser); nothing leaves the machine. Desktop Office webviews
 * drop such downloads (see `canDownload` in src/excel/actions.ts), so callers decide when to offer it.
 */
export function saveBytes(fileName: string, data: Uint8Array | string, mime: string): void {
  const blob = new Blob([typeof data === 'string' ? data : data.slice()], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Not at once: revoking before the browser has started reading the Blob can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
