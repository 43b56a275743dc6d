import { chartScene, CHART_TITLE, type Scene } from './scene';
import { encodePng, rasterize } from './raster';
import { sceneSvg } from './svg';
import { surveyBars, type SurveyBars } from './surveyBars';

export { surveyBars, type SurveyBars, type SectionBar } from './surveyBars';
export { CHART_TITLE, CHART_WIDTH, barLength, chartScene, type Scene } from './scene';

/**
 * The survey chart of the report (issue 13, part 5): the pane's per-section bars (surveyBars,
 * computed from the answer sheets) as a picture for the survey section of the report.
 *
 * Format: a PNG drawn by the core itself, and the same scene as SVG. Every host reads the PNG: old
 * Word, LibreOffice, and Word's insertInlinePictureFromBase64 (PNG, JPEG, BMP, GIF). The .docx
 * filler adds the SVG beside it (asvg:svgBlip), which Word 2016 and later show crisply instead.
 */
export interface ChartImage {
  png: Uint8Array;
  svg: string;
  /** Size on the page, in logical pixels (96 per inch) and EMU (914 400 per inch). */
  widthPx: number;
  heightPx: number;
  widthEmu: number;
  heightEmu: number;
  /** Short name and the figures as words, for the picture's alternative text. */
  title: string;
  description: string;
}

/** Pixels of the PNG per logical pixel: 288 dpi, sharp on paper at 15 cm. */
export const CHART_SCALE = 3;
const EMU_PER_PX = 9525;

export function surveyChartImage(metrics: Record<string, number | null>): ChartImage | null {
  const surveys = surveyBars(metrics);
  if (!surveys.length) return null;
  return chartImage(surveys);
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
    widthEmu: scene.width * EMU_PER_PX,
    heightEmu: scene.height * EMU_PER_PX,
    title: CHART_TITLE,
    description,
  };
}
