import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';

const root = path.resolve(__dirname, '../..');
const manifestPath = path.join(root, 'manifest.xml');
// Vendored copies (see schemas/README.md): the test must pass on a fresh clone.
const schemaDir = path.join(__dirname, 'schemas');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const xml = readFileSync(manifestPath, 'utf8');
const doc = new DOMParser().parseFromString(xml, 'text/xml');

const all = (ns: string, tag: string, from: { getElementsByTagNameNS(ns: string, t: string): ArrayLike<Element> } = doc) => Array.from(from.getElementsByTagNameNS(ns, tag));
const xsiType = (e: Element) => e.getAttributeNS(NS.xsi, 'type');
const pngSize = (file: string) => {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
};

describe('manifest.xml', () => {
  test('validates against the Office add-in XSD, offline', () => {
    const xsd = path.join(schemaDir, 'OfficeAppManifestV1_1.xsd');
    expect(existsSync(xsd)).toBe(true);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, manifestPath], { encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  test('the validator does reject a broken manifest (the check is not vacuous)', () => {
    const broken = xml.replace(/<FunctionName>kiemTraSoLieu<\/FunctionName>/, '');
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(schemaDir, 'OfficeAppManifestV1_1.xsd'), '-'], { input: broken, encoding: 'utf8' });
    expect(r.status).toBe(3);
  });

  test('identity: Vietnamese, task pane, both hosts, no requirement sets', () => {
    expect(xsiType(doc.documentElement!)).toBe('TaskPaneApp');
    expect(all(NS.app, 'DefaultLocale')[0]!.textContent).toBe('vi-VN');
    expect(all(NS.app, 'DisplayName')[0]!.getAttribute('DefaultValue')).toBe('Trợ lý báo cáo CCHC');
    expect(all(NS.app, 'Description')[0]!.getAttribute('DefaultValue')).toMatch(/cải cách hành chính/);
    const hosts = all(NS.app, 'Host').filter((h) => h.parentNode && (h.parentNode as Element).namespaceURI === NS.app);
    expect(hosts.map((h) => h.getAttribute('Name')).sort()).toEqual(['Document', 'Workbook']);
    expect(all(NS.app, 'Requirements')).toHaveLength(0);
    expect(all(NS.app, 'SourceLocation')[0]!.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  test('each host has a Home-tab group with the pane button; only Excel has the check command', () => {
    const hosts = all(NS.ov, 'Host');
    expect(hosts.map(xsiType).sort()).toEqual(['Document', 'Workbook']);
    const strings = new Map(all(NS.bt, 'String').map((s) => [s.getAttribute('id'), s.getAttribute('DefaultValue')]));
    for (const h of hosts) {
      const tab = all(NS.ov, 'OfficeTab', h);
      expect(tab.map((t) => t.getAttribute('id'))).toEqual(['TabHome']);
      const controls = all(NS.ov, 'Control', h);
      const byLabel = new Map(controls.map((c) => [strings.get(all(NS.ov, 'Label', c)[0]!.getAttribute('resid')), c]));
      const checkBtn = byLabel.get('Kiểm tra số liệu')!;
      const paneBtn = byLabel.get('Trợ lý báo cáo')!;
      expect(paneBtn).toBeDefined();
      expect(xsiType(all(NS.ov, 'Action', paneBtn)[0]!)).toBe('ShowTaskpane');
      expect(all(NS.ov, 'FunctionFile', h)[0]!.getAttribute('resid')).toBe('Commands.Url');
      // The check reads a workbook: in Word it could only say so (issue 9), so Word has no such button.
      if (xsiType(h) === 'Document') {
        expect(checkBtn).toBeUndefined();
        expect(controls).toHaveLength(1);
        continue;
      }
      expect(checkBtn).toBeDefined();
      const checkAction = all(NS.ov, 'Action', checkBtn)[0]!;
      expect(xsiType(checkAction)).toBe('ExecuteFunction');
      expect(all(NS.ov, 'FunctionName', checkAction)[0]!.textContent).toBe('kiemTraSoLieu');
      expect(xsiType(all(NS.ov, 'Action', paneBtn)[0]!)).toBe('ShowTaskpane');
      expect(all(NS.ov, 'FunctionFile', h)[0]!.getAttribute('resid')).toBe('Commands.Url');
    }
  });

  test('every resid is defined; every URL is on https://localhost:3000; the icons exist at their sizes', () => {
    const defined = new Set([...all(NS.bt, 'Image'), ...all(NS.bt, 'Url'), ...all(NS.bt, 'String')].map((e) => e.getAttribute('id')).filter(Boolean));
    const used = Array.from(doc.getElementsByTagName('*')).map((e) => e.getAttribute('resid')).filter((x): x is string => !!x);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(defined).toContain(r);

    const urls = Array.from(doc.getElementsByTagName('*'))
      .map((e) => e.getAttribute('DefaultValue'))
      .filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith('https://localhost:3000/')).toBe(true);

    const images = all(NS.bt, 'Image').filter((e) => e.getAttribute('id'));
    expect(images).toHaveLength(3);
    const iconUrls = [...images.map((i) => i.getAttribute('DefaultValue')!), all(NS.app, 'IconUrl')[0]!.getAttribute('DefaultValue')!, all(NS.app, 'HighResolutionIconUrl')[0]!.getAttribute('DefaultValue')!];
    for (const u of iconUrls) {
      const rel = new URL(u).pathname.slice(1);
      const m = /icon-(\d+)\.png$/.exec(rel);
      expect(m).not.toBeNull();
      const size = Number(m![1]);
      expect(pngSize(path.join(root, rel))).toEqual([size, size]);
    }
    for (const img of images) {
      const size = Number(/(\d+)x\1/.exec(img.getAttribute('id')!)![1]);
      expect(img.getAttribute('DefaultValue')).toBe(`https://localhost:3000/assets/icons/icon-${size}.png`);
    }
  });
});

