import { chartScene, CHART_TITLE, type Scene } from './scene';
import { encodePng, rasterize } from './raster';
import { sceneSvg } from './svg';
import { surveyBars, type SurveyBars } from './surveyBars';

export { surveyBars, type SurveyBars, type SectionBar } from './surveyBars';
export { CHART_TITLE, CHART_WIDTH, barLength, chartScene, type Scene } from './scene';

/**
 * The survey chart of the report: the pane's per-section bars (surveyBars,
 * computed from the answer sheets) as a picture for the survey section of the report.
 *
 * Format: a PNG drawn by the core itself, and the same scene as SVG. Every host reads the PNG: old
 * Word, LibreOffice, and Word's insertInlinePictureFromBase64 (PNG, JPEG, BMP, GIF). The .docx
 * filler adds the SVG beside it (asvg:svgBlip), which Word 2016 and later show crisply instead.
 */
export interface ChartImage {
  png: Uint8Array;
  svg: string;
  /** The drawing's own size in logical pixels (96 per inch); the PNG has CHART_SCALE pixels for each. */
  widthPx: number;
  heightPx: number;
  /** Size on the page in EMU (914 400 per inch): 15 cm wide, or less when that would be taller than MAX_HEIGHT_EMU. */
  widthEmu: number;
  heightEmu: number;
  /** Short name and the figures as words, for the picture's alternative text. */
  title: string;
  description: string;
}

/** Pixels of the PNG per logical pixel: 288 dpi, sharp on paper at 15 cm. */
export const CHART_SCALE = 3;
const EMU_PER_PX = 9525;
/**
 * 22 cm: an A4 page less NĐ 30/2020's top and bottom margins (2–2,5 cm each) and a line of text.
 * Five surveys make a drawing about 24 cm high at 15 cm wide; it is shown smaller rather than cut.
 */
export const MAX_HEIGHT_EMU = 22 * 360_000;

export function surveyChartImage(metrics: Record<string, number | null>): ChartImage | null {
  const surveys = surveyBars(metrics);
  if (!surveys.length) return null;
  return chartImage(surveys);
}

function fitted(width: number, height: number): { widthEmu: number; heightEmu: number } {
  const k = Math.min(1, MAX_HEIGHT_EMU / height);
  return { widthEmu: Math.round(width * k), heightEmu: Math.round(height * k) };
}

export function chartImage(surveys: readonly SurveyBars[]): ChartImage {
  const scene: Scene = chartScene(surveys);
  const description = `${CHART_TITLE}. ${surveys
    .map((s) => `${s.subject}: hài lòng chung ${s.overall.text}; ${s.bars.map((b) => `${b.label}: ${b.text}`).join('; ')}`)
    .join('. ')}.`;
  const bmp = rasterize(scene, CHART_SCALE);
  // pixels per metre: CHART_SCALE × 96 per inch.
  const png = encodePng(bmp, (CHART_SCALE * 96) / 0.0254);
  return {
    png,
    svg: sceneSvg(scene, description),
    widthPx: scene.width,
    heightPx: scene.height,
    ...fitted(scene.width * EMU_PER_PX, scene.height * EMU_PER_PX),
    title: CHART_TITLE,
    description,
  };
}
