import type { CSSProperties } from 'react';

// Visually hidden but read by screen readers (the usual clip pattern; display:none would mute it).
const hidden: CSSProperties = { position: 'absolute', width: 1, height: 1, margin: -1, padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 };

/**
 * The pane's one polite live region: present from the first render (a region added together with
 * its text is often not announced), so the result of an action is read out while the focus stays
 * on the button that started it.
 */
export function LiveRegion({ text }: { text: string }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" style={hidden} data-testid="live">
      {text}
    </div>
  );
}
