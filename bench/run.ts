/** `npm run bench`: every benchmark section in turn. */
import { benchCheck } from './check';

async function main() {
  await benchCheck();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
