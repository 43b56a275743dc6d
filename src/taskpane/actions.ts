/**
 * The host interfaces moved to src/host/actions.ts. This re-export only keeps branches
 * written before the move compiling; import from src/host/ in new code. Adapters may not import it
 * (eslint.config.js).
 */
export * from '../host/actions';
