/**
 * The import parser fuzzed with fast-check: random text, random bytes, soups of the words a
 * conclusion is made of, mutated real conclusions, and inputs of 100 KB. Whatever comes in, the
 * parser either returns a proposal or raises its own ValidationError, and finishes each input
 * within a second (no regular expression backtracks catastrophically).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TasksError } from '../../src/domain/errors.js';
import { makeCalendar } from '../../src/domain/working-days.js';
import { decodeText, plainFromMarkdown } from '../../src/import/decode-text.js';
import { parseConclusion } from '../../src/import/parse-conclusion.js';
import { ROOT } from '../helpers/cli.js';
import { registryFile } from '../helpers/registry.js';

const registry = registryFile(path.join(ROOT, 'data', 'units-sample.json'));
const calendar = makeCalendar({ off: [], workdays: [] });
/** CPU milliseconds one parse of a 100 KB input may take. */
const LIMIT_MS = 1000;
const KB100 = 100 * 1024;

const TEXTS = [
  path.join(ROOT, 'data', 'ket-luan-mau.txt'),
  ...fs.readdirSync(path.join(ROOT, 'test', 'fixtures')).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, 'test', 'fixtures', f)),
].map((f) => fs.readFileSync(f, 'utf8'));

/** The pieces conclusions are built from: lead-ins, numbering, owners, deadlines, closings. */
const TOKENS = [
  'Giám đốc Sở yêu cầu', 'Giám đốc Sở giao', 'các đơn vị thuộc Sở', 'cụ thể như sau:', 'như sau:', 'đề nghị', 'chỉ đạo', 'kết luận',
  '\n', '\n\n', ' ', '  ', '\t', '\r\n', ':', ';', ',', '.', './.', '(', ')', '-', '–', '•', '*', '**', '#', '[', ']',
  '1.', '2.', '10.', 'a)', 'b)', 'đ)', '(1)', '(2)', 'I.', 'II.', 'IV.', 'Thứ nhất,', 'Một là,', '1.1.', '2.3.1.',
  'Văn phòng Sở', 'Thanh tra Sở', 'Phòng Lãnh sự', 'Phòng HTQT', 'Phòng Thông tin đối ngoại', 'Văn phòng', 'Sở Du lịch', 'UBND tỉnh',
  'chủ trì', 'phối hợp với', 'chịu trách nhiệm', 'tham mưu', 'tổng hợp, báo cáo', 'rà soát', 'đã thực hiện',
  'trước ngày 30/11/2026', 'chậm nhất ngày 15/12', 'trong quý III/2026', 'trong 10 ngày làm việc', 'hằng quý', 'hàng tháng',
  'trước ngày 20 của tháng cuối quý', 'thường xuyên', '31/02/2021', '00/13/2021', '1900-01-01', '2100-01-01', 'năm 2026', 'tháng 13',
  'Số: 84/TB-SNgV', 'Quảng Hòa, ngày 02 tháng 11 năm 2026', 'THÔNG BÁO', 'Kết luận của Giám đốc Sở', 'Nơi nhận:', 'KT. GIÁM ĐỐC',
  "'; DROP TABLE task; --", '"', '\u0000', '\u001b[31m', '\u200b', '\ufeff', '\u00a0', '\u2028', 'é', 'e\u0301', '𝒜', '🙂',
];

const soup = (maxLength: number) => fc.array(fc.constantFrom(...TOKENS), { maxLength }).map((parts) => parts.join(''));

/** A real conclusion cut, repeated, patched with random text or tokens, and its lines shuffled. */
const mutated = fc
  .tuple(
    fc.constantFrom(...TEXTS),
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
        fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 200 }), times: fc.integer({ min: 2, max: 20 }) }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...TOKENS)) }),
        fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([base, ops]) => {
    let text = base;
    for (const op of ops) {
      const at = text.length ? ('at' in op ? op.at % text.length : 0) : 0;
      if (op.kind === 'delete') text = text.slice(0, at) + text.slice(at + op.length);
      else if (op.kind === 'repeat') text = text.slice(0, at) + text.slice(at, at + op.length).repeat(op.times) + text.slice(at);
      else if (op.kind === 'insert') text = text.slice(0, at) + op.text + text.slice(at);
      else {
        const lines = text.split('\n');
        const a = op.a % lines.length;
        const b = op.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
        text = lines.join('\n');
      }
    }
    return text;
  });

/** Any input grown to 100 KB by repeating it. */
const to100k = (text: string) => (text.length === 0 ? ' '.repeat(KB100) : text.repeat(Math.ceil(KB100 / text.length)).slice(0, KB100));

const stats = { runs: 0, slowestMs: 0, slowestLength: 0, slowestStart: '', proposals: 0, refusals: 0 };

afterAll(() => {
  console.info(
    `fuzzed the import parser: ${stats.runs} inputs (${stats.proposals} proposals, ${stats.refusals} refusals); slowest ${stats.slowestMs.toFixed(0)} ms on ${stats.slowestLength} characters (${stats.slowestStart}…)`,
  );
});

/** Parses, and fails the property on any error but the parser's own, or on a slow input. */
function parsesWithin(text: string): void {
  // CPU time of this worker, not wall time: the other test files running beside it on a small
  // machine must not fail an input that the parser itself handles in time.
  const started = process.cpuUsage();
  try {
    parseConclusion(text, { registry, calendar, today: '2026-11-20', overrides: {} });
    stats.proposals++;
  } catch (error) {
    if (!(error instanceof TasksError)) throw error;
    expect(error.text.vi.length).toBeGreaterThan(0);
    stats.refusals++;
  }
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  stats.runs++;
  if (ms > stats.slowestMs) Object.assign(stats, { slowestMs: ms, slowestLength: text.length, slowestStart: JSON.stringify(text.slice(0, 60)) });
  expect(ms, `${ms.toFixed(0)} ms on ${JSON.stringify(text.slice(0, 200))}…`).toBeLessThan(LIMIT_MS);
}

describe('the import parser under fuzzing', () => {
  it('random Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), parsesWithin), { numRuns: 300, seed: 20261127 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), parsesWithin), { numRuns: 200, seed: 20261128 });
  });

  it('random bytes, decoded as a .txt file is', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        let text: string;
        try {
          text = decodeText(bytes, 'ngau-nhien.txt');
        } catch (error) {
          if (!(error instanceof TasksError)) throw error;
          return;
        }
        parsesWithin(plainFromMarkdown(text));
      }),
      { numRuns: 200, seed: 20261129 },
    );
  });

  it('soups of the words conclusions are made of', () => {
    fc.assert(fc.property(soup(400), parsesWithin), { numRuns: 400, seed: 20261130 });
  });

  it('mutated real conclusions', () => {
    fc.assert(fc.property(mutated, parsesWithin), { numRuns: 300, seed: 20261201 });
  });

  it('inputs of 100 KB, each within a second', () => {
    // No shrinking (each try is 100 KB) and a short report: the input's start, not all of it.
    const seeds = fc.oneof(soup(300), mutated, fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }));
    const result = fc.check(fc.property(seeds.map(to100k), parsesWithin), { numRuns: 40, seed: 20261202, endOnFailure: true });
    const sample = result.counterexample ? JSON.stringify(String(result.counterexample[0]).slice(0, 120)) : '';
    expect(result.failed, `${sample}…: ${String(result.errorInstance).slice(0, 300)}`).toBe(false);
  });

  it('100 KB of any one character, alone or between spaces', () => {
    for (const ch of ['A', 'ạ', 'đ', '1', ' ', '.', ':', ';', ',', '-', '(', ')', '/', '\n', '\t', '*', '"', '\u0301', '🙂']) {
      parsesWithin(to100k(ch));
      parsesWithin(to100k(`${ch} `));
    }
  });

  // Shapes that once made a regular expression or a recursion blow up, kept as regressions.
  const ADVERSARIAL: Record<string, string> = {
    'a thousand colons on one line': to100k('như sau: '),
    'long runs of spaces after a colon': to100k(`Giám đốc Sở yêu cầu các đơn vị như sau:\n1. Văn phòng Sở:${' '.repeat(5000)}a) x\n`),
    'one line naming every unit over and over': `Giám đốc Sở yêu cầu như sau:\n- ${to100k('Văn phòng Sở, Thanh tra Sở, Phòng Lãnh sự, ')}`,
    'nested numbering': `Giám đốc Sở yêu cầu như sau:\n${to100k('1.1.1.1.1.1.1.1.1. Văn phòng Sở rà soát\n')}`,
    'deadline words without a date': `Giám đốc Sở yêu cầu như sau:\n1. Văn phòng Sở ${to100k('trước ngày ')}`,
    'working days without end': `Giám đốc Sở yêu cầu như sau:\n1. Văn phòng Sở ${to100k('trong 10 ngày làm việc kể từ ')}`,
    'closing formulas': to100k('thông báo để các đơn vị '),
    'authority words without a verb': to100k('giám đốc '),
    'opening brackets': to100k('('),
    'one word with no space': to100k('A'),
    'a place name and a comma over and over': to100k('Quảng Hòa, '),
    'markdown emphasis': to100k('**a*'),
    'a lead-in with a hundred words before the verb': `Giám đốc Sở ${to100k('xa ')} yêu cầu như sau:`,
  };
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`100 KB of ${name}`, () => parsesWithin(text));
  }
});
