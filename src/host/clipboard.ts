import { HostError } from './actions';

/** Copies text for either host's pane: the async clipboard where allowed, a selection copy elsewhere. */
export async function copyToClipboard(text: string): Promise<void> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // Office webviews often deny the async clipboard; the selection-based copy still works there.
  }
  if (typeof document === 'undefined') throw new HostError('Không sao chép được vào bộ nhớ tạm.', 'unsupported');
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new HostError('Không sao chép được vào bộ nhớ tạm. Hãy chọn nội dung và nhấn Ctrl+C.', 'unsupported');
}
