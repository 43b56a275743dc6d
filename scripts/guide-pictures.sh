#!/usr/bin/env bash
# Refreshes the pictures of the officers' guide (docs/huong-dan/hinh/) from the screenshots the
# browser tests take of the real pages (playground, Word playground, merge, the standalone page
# served by nginx), so the guide never shows an old screen. Pictures are never edited by hand.
# A picture whose test did not get that far is reported and left as it was. For each picture
# copied, docs/huong-dan/hinh/nguon.json records a hash of the sources that decide what its page
# shows (scripts/guide-pictures-sources.ts); test/docs/guide-pictures.test.ts fails when a picture is
# older than its page.
set -uo pipefail
cd "$(dirname "$0")/.."
mapfile -t pictures < <(npx tsx scripts/guide-pictures-sources.ts --list | sed 's/\.png$//')
[ ${#pictures[@]} -gt 0 ] || exit 1
for f in "${pictures[@]}"; do rm -f "test-results/$f.png"; done
mkdir -p test-results
# What the pages are made of as the tests build them, before anyone edits a file meanwhile.
npx tsx scripts/guide-pictures-sources.ts --snapshot test-results/guide-sources.json || exit 1
npx jest test/e2e/playground.test.ts test/e2e/word.test.ts test/e2e/merge.test.ts test/deploy/nginx.test.ts
tests=$?
mkdir -p docs/huong-dan/hinh
missing=0
copied=()
for f in "${pictures[@]}"; do
  if [ -f "test-results/$f.png" ]; then
    cp "test-results/$f.png" "docs/huong-dan/hinh/$f.png"
    copied+=("$f.png")
  else
    echo "Thiếu ảnh $f.png: bài kiểm thử chụp ảnh này không chạy tới bước đó." >&2
    missing=1
  fi
done
# A picture taken from a failed test still shows its page as it is now; only the pictures not
# taken keep their old record.
if [ ${#copied[@]} -gt 0 ]; then
  npx tsx scripts/guide-pictures-sources.ts --record test-results/guide-sources.json "${copied[@]}" || missing=1
fi
[ $missing -eq 0 ] && echo "Đã cập nhật ảnh trong docs/huong-dan/hinh/"
[ $tests -eq 0 ] && [ $missing -eq 0 ]
