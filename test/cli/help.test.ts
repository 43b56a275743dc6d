/**
 * The command line as a tool: `cchc --version`, `cchc help`, `cchc help LỆNH` and `cchc LỆNH --help`,
 * in Vietnamese, through the built dist/cli.js as `npx cchc` runs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliRunner } from '../helpers/cli';

const root = join(__dirname, '..', '..');
const COMMANDS = ['check', 'report', 'merge', 'doc', 'template'];

const run = cliRunner(60000);

test('--version prints the version of package.json', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V', 'version']) expect(run(flag)).toEqual({ code: 0, out: `cchc ${version}\n`, err: '' });
});

test('cchc help lists every command, the help and the version, in Vietnamese', () => {
  const r = run('help');
  expect(r.code).toBe(0);
  expect(r.out).toBe(run('--help').out);
  expect(r.out).toBe(run().out);
  for (const c of COMMANDS) expect(r.out).toContain(`\n  cchc ${c} `);
  expect(r.out).toContain('cchc help [LỆNH]');
  expect(r.out).toContain('cchc --version');
  expect(r.out).toContain('Mã thoát: 0 không có lỗi');
});

describe.each(COMMANDS)('cchc %s --help', (command) => {
  test('prints that command alone, also without its required arguments, and the same as cchc help', () => {
    const r = run(command, '--help');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.startsWith(`cchc ${command} — `)).toBe(true);
    expect(r.out).toContain(`\n  cchc ${command} `);
    for (const other of COMMANDS.filter((c) => c !== command)) expect(r.out).not.toContain(`  cchc ${other} `);
    expect(r.out).toContain('Mã thoát:');
    expect(run('help', command).out).toBe(r.out);
    expect(run(command, '-h').out).toBe(r.out);
    // After other arguments too: an officer adds --help to the line that just failed.
    expect(run(command, 'khong-co.xlsx', '--json', '--help').out).toBe(r.out);
  });

  test('every option it shows is one the command accepts', () => {
    const options = [...new Set([...run(command, '--help').out.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((m) => m[0]))];
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) {
      const r = run(command, o);
      // Whatever else is missing, the option itself is known (an unknown one says "không có tuỳ chọn").
      expect([o, r.err]).not.toEqual([o, expect.stringContaining('không có tuỳ chọn')]);
      expect(r.err).not.toMatch(/\n\s+at |TypeError|Error:/);
    }
  });
});

test('cchc help with an unknown command says so in Vietnamese, exit 2', () => {
  const r = run('help', 'kiemtra');
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toBe('Không có lệnh "kiemtra". Các lệnh: check, report, merge, doc, template (xem cchc help).\n');
});
