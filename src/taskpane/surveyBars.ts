/** Moved to the core (src/core/chart), where the report's chart image is drawn from the same bars. */
export * from '../core/chart/surveyBars';
