import fs from 'node:fs';
import path from 'node:path';

/**
 * Golden files live in test/golden/. Set UPDATE_GOLDEN=1 to rewrite them from the current output
 * (`UPDATE_GOLDEN=1 npx jest test/narrative`), then read the diff before committing.
 */
export const GOLDEN_DIR = path.join(__dirname, '..', 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`Thiếu tệp mẫu ${file}: chạy với UPDATE_GOLDEN=1 rồi xem lại nội dung.`);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
