// The indicators' names live in the core (src/core/metric-labels.ts), where the CLI reads them too.
export * from '../core/metric-labels';
