/* global module, window, document, location, navigator, Office */
/**
 * The old-host guard, inlined by webpack.config.js into every page (task pane, ribbon commands,
 * standalone checker) as `(guard)("pane" | "commands" | "standalone")`.
 *
 * Volume-licensed Office 2016 and 2019 host add-ins in the Internet Explorer 11 (Trident) or
 * Edge Legacy (EdgeHTML) webviews, which cannot parse the ES2020 bundles: without this the pane
 * stays blank. Microsoft recommends detecting them by navigator.userAgent ("Trident", "Edge/")
 * and showing a graceful message:
 * https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11
 * A syntax probe catches the other engines too old for the bundle (old Safari under Office 2016
 * for Mac, old Chrome opening the standalone page).
 *
 * It must stay ES5 (test/oldhost/guard.test.ts parses it with acorn at ecmaVersion 5): no
 * let/const, arrow functions, template strings, classes or spread. The text is fixed Vietnamese;
 * nothing from the user or the document goes into innerHTML.
 */
function cchcOldHostGuard(page) {
  var ua = (typeof navigator !== 'undefined' && navigator.userAgent) || '';
  // Chromium Edge and WebView2 say "Edg/"; only Edge Legacy says "Edge/<version>".
  var legacy = ua.indexOf('Trident/') !== -1 || ua.indexOf('MSIE ') !== -1 || /\bEdge\/\d/.test(ua);
  var tooOld = legacy;
  if (!tooOld) {
    try {
      // A parse probe, never run.
      new Function('var o = {}; return o?.a ?? 1;');
    } catch (e) {
      // A content security policy without 'unsafe-eval' throws EvalError: that engine is fine.
      tooOld = e instanceof SyntaxError;
    }
  }
  if (!tooOld) return false;
  window.__cchcOldHost = true;

  var here = String(location.href).replace(/[?#].*$/, '');
  var folder = here.replace(/[^/]*$/, '');
  var standalone = folder + 'standalone.html';

  if (page === 'commands') {
    // The ribbon button must give a visible answer: a dialog with the pane page, whose own guard
    // says what is needed (Dialog API 1.1 exists since Office 2016). event.completed() always,
    // or Office keeps the button busy.
    var openNotice = function (event) {
      try {
        Office.context.ui.displayDialogAsync(folder + 'taskpane.html', { height: 60, width: 40, displayInIframe: true });
        // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
      } catch (e) {
        // Nothing else can be shown from a ribbon command.
      }
      if (event && typeof event.completed === 'function') event.completed();
    };
    window.kiemTraSoLieu = openNotice;
    if (typeof Office !== 'undefined') {
      Office.initialize = function () {};
      if (Office.actions && typeof Office.actions.associate === 'function') Office.actions.associate('kiemTraSoLieu', openNotice);
    }
    return true;
  }

  var title;
  var body;
  if (page === 'standalone') {
    title = 'Trình duyệt này quá cũ';
    body =
      '<p>Trang «Kiểm tra không cần Office» không chạy được trên ' +
      (legacy ? 'Internet Explorer hoặc Microsoft Edge đời cũ' : 'phiên bản trình duyệt này') +
      '.</p><p>Hãy mở lại tệp <b>standalone.html</b> bằng Microsoft Edge (bản mới), Google Chrome, Cốc Cốc hoặc Firefox. ' +
      'Sổ số liệu vẫn được kiểm tra ngay trên máy, không gửi đi đâu.</p>';
  } else {
    title = 'Phiên bản Office này chưa chạy được Trợ lý báo cáo CCHC';
    body =
      '<p>' +
      (legacy
        ? 'Office đang mở bổ trợ bằng trình duyệt nhúng Internet Explorer 11 hoặc Edge đời cũ (thường gặp ở Office 2016, Office 2019 bản quyền số lượng lớn).'
        : 'Trình duyệt nhúng của phiên bản Office này quá cũ.') +
      '</p><p>Trợ lý cần một trong các phiên bản sau:</p><ul>' +
      '<li>Microsoft 365 (Office theo thuê bao);</li>' +
      '<li>Office 2021 trở lên;</li>' +
      '<li>Excel hoặc Word trên web (office.com), mở bằng trình duyệt.</li></ul>' +
      '<p>Trong khi chờ nâng cấp, có thể dùng trang <b>«Kiểm tra không cần Office»</b>: mở địa chỉ dưới đây bằng Microsoft Edge (bản mới), ' +
      'Google Chrome hoặc Cốc Cốc, chọn tệp sổ số liệu .xlsx. Tệp được kiểm tra ngay trên máy, không gửi đi đâu; trang cho cùng các phát hiện, ' +
      'chỉ số và đoạn văn như ngăn tác vụ, và tải được báo cáo .docx.</p>' +
      '<p><a href="standalone.html" target="_blank" rel="noopener" style="word-break:break-all">' + standalone.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</a></p>';
  }
  var html =
    '<div role="alert" data-testid="old-host" style="margin:12px;padding:12px;border:1px solid #f4bfab;background:#fdf3f4;color:#242424;font-size:14px;line-height:1.45">' +
    '<p style="margin:0 0 8px;font-weight:600">' + title + '</p>' + body + '</div>';
  var root = document.getElementById('root');
  if (root) root.innerHTML = html;
  else document.body.insertAdjacentHTML('afterbegin', html);
  return true;
}

module.exports = { cchcOldHostGuard: cchcOldHostGuard };
