/** `npm run bench`: every benchmark section in turn, each measured within this one run. */
import { benchCheck } from './check';
import { benchFrontend } from './frontend';
import { benchDoc } from './doc';

async function main() {
  await benchCheck();
  await benchDoc();
  await benchFrontend();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
