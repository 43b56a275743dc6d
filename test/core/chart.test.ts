import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { fontPaths, glyphModule } from '../../scripts/build-chart-glyphs';
import { SURVEY_SUBJECTS } from '../../src/core/contract';
import { SECTION_TITLES } from '../../src/core/surveys/forms';
import { barLength, chartImage, chartScene, surveyBars, CHART_TITLE } from '../../src/core/chart';
import { glyphPath } from '../../src/core/chart/outline';
import { glyphText } from '../../src/core/chart/scene';
import { encodePng, rasterize } from '../../src/core/chart/raster';

test('glyphs.ts is what scripts/build-chart-glyphs.ts makes from DejaVu Sans', () => {
  expect(glyphModule()).toBe(readFileSync(join(__dirname, '../../src/core/chart/glyphs.ts'), 'utf8'));
});

test('every character is drawn with the outline opentype.js reads from the font, its composite letters put together by opentype.js', () => {
  const paths = fontPaths();
  expect(paths.size).toBe(233);
  for (const [ch, path] of paths) expect([ch, glyphPath(ch)]).toEqual([ch, path]);
  // A precomposed letter is its base letter and its marks: "ế" is the e's two contours, a circumflex and an acute.
  expect(glyphPath('ế').split('Z').length - 1).toBe(glyphPath('e').split('Z').length - 1 + 2);
  expect(glyphPath('漢')).toBe('');
});

test('every word the chart prints has its own glyphs: titles, subjects, "không phát sinh"; others fall back', () => {
  for (const t of [CHART_TITLE, ...Object.values(SECTION_TITLES), ...SURVEY_SUBJECTS, 'hài lòng chung không phát sinh 100,00% ĂÂĐÊÔƠƯ ăâđêôơư ỹỸ']) expect(glyphText(t)).toBe(t.normalize('NFC'));
  // A decomposed letter is composed first; a letter with no glyph keeps its base letter; anything else is '?'.
  expect(glyphText('ê\u0301')).toBe('ế');
  expect(glyphText('Ŵ漢')).toBe('W?');
});

test('bars: the value’s share of the track, clamped to 0–100 %, none for "không phát sinh"', () => {
  expect(barLength(62.5, 451)).toBe(281.875);
  expect(barLength(120, 451)).toBe(451);
  expect(barLength(-3, 451)).toBe(0);
  expect(barLength(null, 451)).toBe(0);
});

test('a rectangle with a fractional edge gets partial coverage; the PNG decodes to the same pixels', () => {
  const scene = { width: 10, height: 4, background: '#ffffff', shapes: [{ kind: 'rect' as const, x: 1, y: 1, w: 2.5, h: 2, fill: '#000000' }] };
  const bmp = rasterize(scene, 1);
  const grey = (x: number, y: number) => bmp.data[(y * 10 + x) * 3]!;
  expect([grey(0, 1), grey(1, 1), grey(2, 1), grey(3, 1), grey(4, 1)]).toEqual([255, 0, 0, 128, 255]);
  expect([grey(1, 0), grey(1, 3)]).toEqual([255, 255]);
  const png = PNG.sync.read(Buffer.from(encodePng(bmp, 3780)));
  expect([png.width, png.height]).toEqual([10, 4]);
  for (let i = 0; i < 40; i++) expect(png.data[i * 4]).toBe(bmp.data[i * 3]);
});

test('text is drawn inside its box: ink between the baseline and the cap height, none outside', () => {
  const scene = { width: 60, height: 30, background: '#ffffff', shapes: [{ kind: 'text' as const, x: 5, y: 20, size: 14, text: 'Hài', fill: '#000000', anchor: 'start' as const }] };
  const bmp = rasterize(scene, 1);
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (bmp.data[(y * 60 + x) * 3]! < 128) n++;
    return n;
  };
  // "H" stands from the baseline (y 20) to about 0,73 em above it (y ≈ 9,8); "à" has its grave accent above the x-height.
  expect(ink(5, 9, 60, 21)).toBeGreaterThan(40);
  expect(ink(0, 21, 60, 30)).toBe(0);
  expect(ink(0, 0, 60, 5)).toBe(0);
  expect(ink(0, 0, 5, 30)).toBe(0);
});

test('the scene has one track and one bar per section, the figures beside them, sized for 15 cm', () => {
  const bars = surveyBars({ 'haiLong.nguoi-benh-noi-tru.haiLongA': 50, 'haiLong.nguoi-benh-noi-tru.haiLongB': null, 'haiLong.nguoi-benh-noi-tru.haiLongChung': 70 });
  const scene = chartScene(bars);
  expect(scene.width).toBe(567);
  const rects = scene.shapes.filter((s) => s.kind === 'rect');
  expect(rects.filter((r) => r.fill === '#e0e0e0')).toHaveLength(5);
  expect(rects.filter((r) => r.fill === '#0f6cbd').map((r) => r.w)).toEqual([225.5]);
  const texts = scene.shapes.filter((s) => s.kind === 'text').map((s) => s.text);
  expect(texts).toEqual(expect.arrayContaining(['Người bệnh nội trú: hài lòng chung 70,00%', 'A. Khả năng tiếp cận', '50,00%', 'không phát sinh']));
});

test('five surveys: the picture keeps its proportions and fits the page height (22 cm), the PNG keeps every pixel', () => {
  const metrics: Record<string, number> = {};
  for (const who of ['nguoi-benh-noi-tru', 'nguoi-benh-ngoai-tru', 'nhan-vien-y-te', 'nguoi-me-sinh-con', 'nguoi-dan-to-chuc-tthc']) for (const c of 'ABCDE') metrics[`haiLong.${who}.haiLong${c}`] = 80;
  const img = chartImage(surveyBars(metrics));
  expect(img.heightPx).toBeGreaterThan((22 / 2.54) * 96);
  expect(img.heightEmu).toBe(22 * 360000);
  expect(img.widthEmu / img.heightEmu).toBeCloseTo(img.widthPx / img.heightPx, 4);
  const png = PNG.sync.read(Buffer.from(img.png));
  expect([png.width, png.height]).toEqual([img.widthPx * 3, img.heightPx * 3]);
  // One survey: 15 cm wide.
  const one = chartImage(surveyBars({ 'haiLong.nguoi-benh-noi-tru.haiLongA': 80 }));
  expect(one.widthEmu / 360000).toBeCloseTo(15, 1);
});
