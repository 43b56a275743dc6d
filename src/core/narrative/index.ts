export * from './tags';
export * from './build';
export { figuresFingerprint, fnv1a64 } from './fingerprint';
export { periodPhrase } from '../format';
export * from './places';
