/** `npx tsx bench/doc-only.ts`: the `cchc doc` part of `npm run bench` alone (its floor, whole process, linearity in a paragraph's length). */
import { benchDoc } from './doc';

void benchDoc();
