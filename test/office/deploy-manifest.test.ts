/**
 * The manifest a deployment build writes (scripts/manifest-origin.js, used by webpack.config.js):
 * the development manifest.xml moved to the Sở's address, validated against the same Office XSD
 * as manifest.test.ts. The build itself, served by nginx, is driven in test/deploy/nginx.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deployBase, manifestForOrigin, manifestVersion } = require('../../scripts/manifest-origin') as {
  deployBase(raw: string): string;
  manifestVersion(v: string): string;
  manifestForOrigin(xml: string, o: { base: string; version: string }): string;
};

const root = path.resolve(__dirname, '../..');
const XSD = path.join(__dirname, 'schemas/OfficeAppManifestV1_1.xsd');
const devXml = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const ORIGIN = 'https://cchc.soyte.example.vn/addin/';

function validate(xml: string) {
  return spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, '-'], { input: xml, encoding: 'utf8' });
}

/** Every absolute URL in an attribute, and the AppDomains. */
function urlsOf(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const els = Array.from(doc.getElementsByTagName('*'));
  return {
    urls: els.map((e) => e.getAttribute('DefaultValue')).filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v)),
    domains: els.filter((e) => e.localName === 'AppDomain').map((e) => e.textContent),
    version: els.find((e) => e.localName === 'Version')!.textContent,
  };
}

test('moved to the Sở address, the manifest still validates against the Office XSD', () => {
  const xml = manifestForOrigin(devXml, { base: ORIGIN, version: '1.4.2' });
  const r = validate(xml);
  expect(r.stderr).toContain('validates');
  expect(r.status).toBe(0);

  const { urls, domains, version } = urlsOf(xml);
  // The development manifest's URLs, one for one: 3 icons + IconUrl + HighResolutionIconUrl,
  // SupportUrl, SourceLocation, and the three bt:Url (learn more, commands, task pane).
  expect(urls).toHaveLength(urlsOf(devXml).urls.length);
  expect(urls.length).toBe(10);
  for (const u of urls) expect(u.startsWith(ORIGIN)).toBe(true);
  expect(urls).toContain('https://cchc.soyte.example.vn/addin/taskpane.html');
  expect(urls).toContain('https://cchc.soyte.example.vn/addin/commands.html');
  expect(urls).toContain('https://cchc.soyte.example.vn/addin/assets/icons/icon-80.png');
  expect(domains).toEqual(['https://cchc.soyte.example.vn']);
  expect(version).toBe('1.4.2.0');
  expect(xml).not.toContain('localhost');
});

test('the address is normalised and only https is accepted, with a Vietnamese reason', () => {
  expect(deployBase('https://cchc.soyte.example.vn/addin')).toBe(ORIGIN);
  expect(deployBase(' https://CCHC.soyte.example.vn ')).toBe('https://cchc.soyte.example.vn/');
  expect(deployBase('https://10.0.0.5:8443/a/b/')).toBe('https://10.0.0.5:8443/a/b/');
  expect(() => deployBase('http://cchc.soyte.example.vn/')).toThrow(/chỉ nạp bổ trợ qua https/);
  expect(() => deployBase('cchc.soyte.example.vn')).toThrow(/không hợp lệ/);
  expect(() => deployBase('https://cchc.soyte.example.vn/?a=1')).toThrow(/không có "\?"/);
});

test('a port and a path with characters XML must escape stay valid', () => {
  const xml = manifestForOrigin(devXml, { base: 'https://10.0.0.5:8443/bo-tro&cchc/', version: '2.0.0' });
  expect(validate(xml).status).toBe(0);
  const { urls, domains } = urlsOf(xml);
  expect(urls).toContain('https://10.0.0.5:8443/bo-tro&cchc/taskpane.html');
  expect(domains).toEqual(['https://10.0.0.5:8443']);
});

test('the version is package.json\'s, four-part, and grows as package.json does', () => {
  expect(manifestVersion('1.1.0')).toBe('1.1.0.0');
  expect(() => manifestVersion('1.1')).toThrow(/1\.2\.3/);
  expect(() => manifestVersion('1.1.0-beta.1')).toThrow();
  // The release being built is newer than the development manifest Office may have cached.
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const parts = (v: string) => v.split('.').map(Number);
  const [a, b] = [parts(manifestVersion(pkg.version)), parts(urlsOf(devXml).version!)];
  const cmp = a.map((x, i) => x - b[i]!).find((d) => d !== 0) ?? 0;
  expect(cmp).toBeGreaterThan(0);
});

test('a manifest that is not the development one is refused rather than half moved', () => {
  expect(() => manifestForOrigin(devXml.replace(/https:\/\/localhost:3000\//g, 'https://elsewhere/'), { base: ORIGIN, version: '1.0.0' })).toThrow(/expected the development manifest/);
  expect(() => manifestForOrigin(devXml.replace(/<AppDomains>[\s\S]*<\/AppDomains>/, ''), { base: ORIGIN, version: '1.0.0' })).toThrow(/AppDomains/);
});
