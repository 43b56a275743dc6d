import { useCallback, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { WordSnapshot, WordSnapshotControl, WordSnapshotParagraph } from '../../fake-office/word';

const useStyles = makeStyles({
  page: {
    backgroundColor: '#fff',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    padding: '32px 40px',
    maxWidth: '720px',
    fontFamily: "'Times New Roman', 'Liberation Serif', Tinos, serif",
    fontSize: '15px',
    lineHeight: '1.45',
    overflowY: 'auto',
    maxHeight: 'calc(100vh - 150px)',
    boxSizing: 'border-box',
  },
  p: { margin: '0 0 6px', minHeight: '1.45em', whiteSpace: 'pre-wrap', cursor: 'text', outline: 'none', borderLeft: '2px solid transparent', paddingLeft: '4px' },
  current: { borderLeft: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: '#f3f7fd' },
  block: { border: '1px solid #2b579a', borderRadius: '2px', padding: '14px 6px 2px', margin: '4px 0 8px', position: 'relative' },
  blockTitle: {
    position: 'absolute',
    top: '-1px',
    left: '-1px',
    backgroundColor: '#2b579a',
    color: '#fff',
    fontFamily: 'Segoe UI, sans-serif',
    fontSize: '11px',
    lineHeight: '14px',
    padding: '0 6px',
    userSelect: 'none',
  },
  inline: { outline: '1px solid #2b579a', backgroundColor: '#eef3fb', borderRadius: '2px' },
  selected: { backgroundColor: '#c7dcf7' },
});

/** The text of a segment starting at `at` in its paragraph, with the highlighted characters in <mark>. */
function withHighlights(text: string, at: number, highlights: { start: number; end: number; color: string }[]): ReactNode {
  if (!highlights.length) return text;
  const out: ReactNode[] = [];
  let pos = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    const from = Math.max(h.start - at, pos);
    const to = Math.min(h.end - at, text.length);
    if (to <= from) continue;
    if (from > pos) out.push(text.slice(pos, from));
    out.push(
      <mark key={from} style={{ backgroundColor: h.color, color: 'inherit' }} data-highlight={h.color}>
        {text.slice(from, to)}
      </mark>,
    );
    pos = to;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

/** Offset of (node, offset) in the text of `root`. */
function textOffset(root: Node, node: Node, offset: number): number {
  const r = document.createRange();
  r.selectNodeContents(root);
  r.setEnd(node, offset);
  return r.toString().length;
}

/**
 * The fake document as simple paragraphs, content controls outlined (titles shown on block
 * controls, tags as tooltips on inline ones). Clicking or selecting text moves the fake's selection,
 * which is what «Đánh dấu vị trí» acts on.
 */
export function DocumentView({ snapshot, onSelect }: { snapshot: WordSnapshot; onSelect: (paragraphId: number, start: number, end: number) => void }) {
  const s = useStyles();
  const byId = new Map(snapshot.controls.map((c) => [c.id, c]));

  const pick = useCallback(
    (ev: MouseEvent<HTMLParagraphElement>, p: WordSnapshotParagraph) => {
      const el = ev.currentTarget;
      const sel = window.getSelection();
      if (sel && sel.rangeCount && el.contains(sel.anchorNode) && el.contains(sel.focusNode)) {
        const a = textOffset(el, sel.anchorNode!, sel.anchorOffset);
        const b = textOffset(el, sel.focusNode!, sel.focusOffset);
        onSelect(p.id, Math.min(a, b), Math.max(a, b));
      } else onSelect(p.id, p.text.length, p.text.length);
    },
    [onSelect],
  );

  const key = (ev: KeyboardEvent<HTMLParagraphElement>, p: WordSnapshotParagraph) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      onSelect(p.id, p.text.length, p.text.length);
    }
  };

  const para = (p: WordSnapshotParagraph) => {
    const sel = snapshot.selection?.paragraphId === p.id ? snapshot.selection : null;
    return (
      <p
        key={p.id}
        className={`${s.p} ${sel ? s.current : ''}`}
        tabIndex={0}
        data-paragraph={p.id}
        aria-current={sel ? 'location' : undefined}
        onMouseUp={(ev) => pick(ev, p)}
        onKeyDown={(ev) => key(ev, p)}
      >
        {(p.pictures ?? []).map((pic) => (
          // A broken picture (what Word shows for an SVG) is drawn as an empty frame.
          <span key={`pic${pic.id}`} style={{ display: 'block', textAlign: p.alignment === 'Centered' ? 'center' : 'left' }}>
            {pic.broken ? (
              <span role="img" aria-label={pic.altTextDescription || 'Ảnh không hiển thị được'} style={{ display: 'inline-block', width: `${(pic.width * 4) / 3}px`, height: `${(pic.height * 4) / 3}px`, outline: '1px dashed #a4262c' }} />
            ) : (
              <img src={`data:image/${pic.format};base64,${pic.base64}`} alt={pic.altTextDescription} title={pic.altTextTitle} width={(pic.width * 4) / 3} height={(pic.height * 4) / 3} style={{ maxWidth: '100%', height: 'auto' }} data-picture={pic.id} />
            )}
          </span>
        ))}
        {p.segments.map((seg, i) => {
          const c = seg.control === null ? undefined : byId.get(seg.control);
          const at = p.segments.slice(0, i).reduce((n, x) => n + x.text.length, 0);
          return c ? (
            <span key={i} className={s.inline} title={`${c.title || c.tag} (${c.tag})`} data-tag={c.tag}>
              {seg.text || '\u200b'}
            </span>
          ) : (
            <span key={i}>{withHighlights(seg.text, at, (snapshot.highlights ?? []).filter((h) => h.paragraphId === p.id))}</span>
          );
        })}
      </p>
    );
  };

  const out: ReactNode[] = [];
  const ps = snapshot.paragraphs;
  for (let i = 0; i < ps.length; ) {
    const block = ps[i]!.block;
    if (block === null) {
      out.push(para(ps[i]!));
      i++;
      continue;
    }
    const group: WordSnapshotParagraph[] = [];
    while (i < ps.length && ps[i]!.block === block) group.push(ps[i++]!);
    const c = byId.get(block) as WordSnapshotControl;
    out.push(
      <div key={`c${block}`} className={s.block} data-tag={c.tag} data-control={c.id} role="group" aria-label={`Vị trí: ${c.title || c.tag}`}>
        <span className={s.blockTitle} aria-hidden="true">
          {c.title || c.tag}
        </span>
        {group.map(para)}
      </div>,
    );
  }
  return (
    <article className={s.page} aria-label="Văn bản Word giả lập" data-testid="document">
      {out}
    </article>
  );
}
