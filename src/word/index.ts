export { createWordActions } from './actions';
export { RECORD_PROPS, RECORD_SETTING } from './record';
