// The add-in's manifest for the address it is served from, written by the production build
// (webpack.config.js, `npm run build -- --env origin=https://…/`) and checked by
// test/office/deploy-manifest.test.ts and test/deploy/nginx.test.ts.
//
// manifest.xml in the repository is the development manifest (https://localhost:3000/); a
// deployment needs the same file with every URL on the Sở's own address and a version that grows
// with each release, because Office and the Microsoft 365 admin center treat a manifest with the
// same version as unchanged.
'use strict';

const DEV_BASE = 'https://localhost:3000/';
const DEV_APP_DOMAIN = 'https://localhost:3000';

/**
 * The base address every page is served under, ending in "/". Office loads add-ins only over
 * https, so any other scheme is refused here, with the reason, rather than at the officer's desk.
 */
function deployBase(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`Địa chỉ triển khai không hợp lệ: "${raw}". Ví dụ đúng: https://cchc.soyte.example.vn/addin/`);
  }
  if (url.protocol !== 'https:') throw new Error(`Office chỉ nạp bổ trợ qua https: địa chỉ "${raw}" phải bắt đầu bằng https://`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`Địa chỉ triển khai chỉ gồm máy chủ và thư mục, không có "?", "#" hay tên đăng nhập: "${raw}"`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** package.json's "1.4.2" as the manifest's four-part "1.4.2.0" (the schema allows at most four). */
function manifestVersion(packageVersion) {
  const m = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(String(packageVersion));
  if (!m) throw new Error(`Phiên bản trong package.json phải có dạng 1.2.3 (đang là "${packageVersion}")`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The development manifest with its URLs moved to `base` and its version set. Plain text
 * replacement, not an XML rewrite: the input is always the repository's own manifest.xml, only
 * attribute values and two element texts change, and every count is checked so that a changed
 * manifest.xml fails the build instead of shipping a half-moved file (the tests then validate the
 * result against the Office XSD).
 */
function manifestForOrigin(xml, { base, version }) {
  const b = deployBase(base);
  const urls = xml.split(`"${DEV_BASE}`).length - 1;
  if (urls < 5) throw new Error(`manifest.xml has ${urls} URLs on ${DEV_BASE}; expected the development manifest`);
  const versions = xml.match(/<Version>[^<]*<\/Version>/g) ?? [];
  if (versions.length !== 1) throw new Error('manifest.xml must have exactly one <Version>');
  const domains = xml.split(`<AppDomain>${DEV_APP_DOMAIN}</AppDomain>`).length - 1;
  if (domains !== 1) throw new Error(`manifest.xml must list ${DEV_APP_DOMAIN} once in <AppDomains>`);
  const out = xml
    .split(`"${DEV_BASE}`)
    .join(`"${escapeXml(b)}`)
    .replace(`<AppDomain>${DEV_APP_DOMAIN}</AppDomain>`, `<AppDomain>${escapeXml(new URL(b).origin)}</AppDomain>`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  if (b !== DEV_BASE && out.includes('localhost:3000')) throw new Error('manifest.xml still names localhost:3000 after the move');
  return out;
}

module.exports = { DEV_BASE, deployBase, manifestVersion, manifestForOrigin };
