/** `npm run bench`: every benchmark section in turn, each measured within this one run. */
import { benchCheck } from './check';
import { benchDoc } from './doc';
import { benchFrontend } from './frontend';
import { benchSurveys } from './surveys';
import { benchMerge } from './merge';
import { benchFormats } from './formats';
import { benchRefusals } from './refusals';

async function main() {
  await benchCheck();
  await benchSurveys();
  await benchDoc();
  await benchFrontend();
  await benchMerge();
  await benchFormats();
  await benchRefusals();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
