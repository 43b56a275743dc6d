/**
 * Offers bytes as a download. An <a download> of a Blob URL works the same on a page opened from
 * disk, from an intranet server or from `npm start`; nothing leaves the machine.
 */
export function saveFile(fileName: string, data: Uint8Array | string, mime: string): void {
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
