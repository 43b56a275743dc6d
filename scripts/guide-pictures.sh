#!/usr/bin/env bash
# Refreshes the pictures of the officers' guide (docs/huong-dan/hinh/) from the screenshots the
# browser tests take of the real pages (playground, Word playground, merge, the standalone page
# served by nginx), so the guide never shows an old screen. Pictures are never edited by hand.
# A picture whose test did not get that far is reported and left as it was.
set -uo pipefail
cd "$(dirname "$0")/.."
pictures=(taskpane taskpane-report word-pane merge-written standalone)
for f in "${pictures[@]}"; do rm -f "test-results/$f.png"; done
npx jest test/e2e/playground.test.ts test/e2e/word.test.ts test/e2e/merge.test.ts test/deploy/nginx.test.ts
tests=$?
mkdir -p docs/huong-dan/hinh
missing=0
for f in "${pictures[@]}"; do
  if [ -f "test-results/$f.png" ]; then
    cp "test-results/$f.png" "docs/huong-dan/hinh/$f.png"
  else
    echo "Thiếu ảnh $f.png: bài kiểm thử chụp ảnh này không chạy tới bước đó." >&2
    missing=1
  fi
done
[ $missing -eq 0 ] && echo "Đã cập nhật ảnh trong docs/huong-dan/hinh/"
[ $tests -eq 0 ] && [ $missing -eq 0 ]
