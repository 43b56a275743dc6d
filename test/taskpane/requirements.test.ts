import { readFileSync } from 'node:fs';
import { capabilities, FEATURES, type IsSetSupported } from '../../src/taskpane/requirements';

/**
 * An Office that supports each set up to the given version, as isSetSupported answers
 * (versions compared as numbers per part: 1.13 > 1.9).
 */
function office(highest: Record<string, string>): IsSetSupported {
  const parts = (v: string) => v.split('.').map(Number);
  return (set, version) => {
    const top = highest[set];
    if (!top) return false;
    const [a1, a2 = 0] = parts(top);
    const [b1, b2 = 0] = parts(version);
    return a1! > b1! || (a1 === b1 && a2 >= b2);
  };
}

// Highest sets per Office version, from the requirement-set tables cited in docs/office-compat.md.
const EXCEL_2016_MSI = office({ ExcelApi: '1.1' });
const EXCEL_2019 = office({ ExcelApi: '1.8' });
const EXCEL_2021 = office({ ExcelApi: '1.14' });
const M365 = office({ ExcelApi: '1.20', WordApi: '1.9' });

test('Microsoft 365 has everything: no notice', () => {
  expect(capabilities('excel', M365)).toEqual({ missing: [], blocked: false, notice: null });
  expect(capabilities('word', M365)).toEqual({ missing: [], blocked: false, notice: null });
});

test('Office 2021 has every Excel feature', () => {
  expect(capabilities('excel', EXCEL_2021).notice).toBeNull();
});

test('Office 2019 checks but neither colours cells nor inserts the template, and says so', () => {
  const caps = capabilities('excel', EXCEL_2019);
  expect(caps.blocked).toBe(false);
  expect(caps.missing.map((f) => f.id)).toEqual(['excel.highlight', 'excel.insertTemplate', 'excel.mergeWrite']);
  expect(caps.notice?.intent).toBe('warning');
  expect(caps.notice?.text).toContain('Tô màu các ô có vấn đề (cần ExcelApi 1.9)');
  expect(caps.notice?.text).toContain('nút đến từng ô');
  expect(caps.notice?.text).toContain('Chèn mẫu chuẩn vào sổ (cần ExcelApi 1.13)');
  expect(caps.notice?.text).toContain('Ghi sổ tổng hợp từ các đơn vị vào sổ đang mở (cần ExcelApi 1.13)');
  expect(caps.notice?.text).toContain('Microsoft 365, Office 2021 trở lên');
});

test('Excel 2016 without updates (ExcelApi 1.1) cannot read the workbook: the pane is replaced by the explanation', () => {
  const caps = capabilities('excel', EXCEL_2016_MSI);
  expect(caps.blocked).toBe(true);
  expect(caps.missing[0]!.id).toBe('excel.check');
  expect(caps.notice?.intent).toBe('error');
  expect(caps.notice?.text).toContain('ExcelApi 1.7');
  expect(caps.notice?.text).toContain('Kiểm tra không cần Office');
});

test('a host that throws for an unknown set counts as not having it', () => {
  const throwing: IsSetSupported = (set) => {
    if (set === 'WordApi') throw new Error('unknown set');
    return true;
  };
  expect(capabilities('word', throwing).blocked).toBe(true);
  expect(capabilities('excel', throwing).notice).toBeNull();
});

/**
 * The API set Office's type definitions give a member ("[Api set: ExcelApi 1.9]" in its doc
 * comment), independent of the table in requirements.ts.
 */
const DTS = readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8');
function apiSetOf(member: string): { set: string; version: string } {
  const [ns, cls, name] = member.split('.') as [string, string, string];
  const nsAt = DTS.indexOf(`\ndeclare namespace ${ns} {`);
  const clsAt = DTS.indexOf(`\n    class ${cls} extends`, nsAt);
  if (nsAt < 0 || clsAt < 0) throw new Error(`no class ${ns}.${cls}`);
  const re = new RegExp(`\\n        (?:readonly )?${name}[(:?]`, 'g');
  re.lastIndex = clsAt;
  const m = re.exec(DTS);
  if (!m || DTS.indexOf('\n    }', clsAt) < m.index) throw new Error(`no member ${member}`);
  const sets = [...DTS.slice(clsAt, m.index).matchAll(/\[Api set: (\w+) (\d+)\.(\d+)/g)];
  const last = sets[sets.length - 1]!;
  return { set: last[1]!, version: `${last[2]}.${last[3]}` };
}

test('each feature needs the highest API set among the members its adapter calls', () => {
  const num = (v: string) => Number(v.split('.')[0]) * 1000 + Number(v.split('.')[1]);
  for (const f of FEATURES) {
    const sets = f.members.map(apiSetOf);
    const highest = sets.reduce((a, b) => (num(b.version) > num(a.version) ? b : a));
    expect({ feature: f.id, needs: f.needs }).toEqual({ feature: f.id, needs: [highest] });
  }
  // The lookup reads real annotations: a member of ExcelApi 1.1 is not reported as 1.9.
  expect(apiSetOf('Excel.Range.select')).toEqual({ set: 'ExcelApi', version: '1.1' });
  expect(apiSetOf('Excel.Range.getCellProperties')).toEqual({ set: 'ExcelApi', version: '1.9' });
});
