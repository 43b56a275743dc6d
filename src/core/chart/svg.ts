import type { Scene } from './scene';
import { escapeXml } from '../xml-text';

const esc = (s: string) => escapeXml(s);
const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The scene as SVG text. The text stays text (Vietnamese as UTF-8, drawn by the reader's own
 * fonts): a reader without DejaVu Sans falls back to a narrower sans, so nothing overflows the
 * widths measured with DejaVu's advances.
 */
export function sceneSvg(scene: Scene, title: string): string {
  const body = scene.shapes
    .map((s) =>
      s.kind === 'rect'
        ? `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" fill="${s.fill}"/>`
        : `<text x="${num(s.x)}" y="${num(s.y)}" font-size="${num(s.size)}" fill="${s.fill}"${s.anchor === 'end' ? ' text-anchor="end"' : ''}>${esc(s.text)}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" role="img" font-family="DejaVu Sans, Arial, sans-serif">` +
    `<title>${esc(title)}</title><rect width="${scene.width}" height="${scene.height}" fill="${scene.background}"/>${body}</svg>`
  );
}
