/** The digest's own box tables draw exactly what cli-table3 draws with the digest's options. */
import Table from 'cli-table3';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { allNarrow, renderBoxTable, type Align, type BoxTable } from '../../src/report/box-table.js';

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function withCliTable3(table: BoxTable): string {
  const t = new Table({
    head: table.head,
    colWidths: table.colWidths,
    chars: COMPACT,
    colAligns: table.colAligns,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 0 },
  });
  for (const row of table.rows) t.push(row);
  return t.toString();
}

/** Every character the fast path accepts, in the ranges it names. */
function narrowCharacters(): string[] {
  const out: string[] = [];
  for (let code = 0x20; code < 0x2600; code++) {
    const ch = String.fromCodePoint(code);
    if (allNarrow([ch])) out.push(ch);
  }
  return out;
}

describe('box tables without cli-table3', () => {
  test('every character taken as narrow is one column wide for string-width, alone and beside others', () => {
    const chars = narrowCharacters();
    expect(chars.length).toBeGreaterThan(500);
    for (const ch of chars) {
      expect(stringWidth(ch), ch.codePointAt(0)!.toString(16)).toBe(1);
      expect(stringWidth(`a${ch}${ch}b`), ch.codePointAt(0)!.toString(16)).toBe(4);
    }
    expect(allNarrow(['Văn phòng Sở ▲ 12 – “x”'])).toBe(true);
    expect(allNarrow(['\u001b[31mđỏ\u001b[39m'])).toBe(false);
    expect(allNarrow(['漢字'])).toBe(false);
    expect(allNarrow(['e\u0301'])).toBe(false);
    expect(allNarrow(['a\tb'])).toBe(false);
  });

  test('the same bytes as cli-table3 on a digest-like table', () => {
    const table: BoxTable = {
      head: ['STT', 'Đơn vị', 'Nội dung', 'Hạn', 'Tỷ lệ'],
      colWidths: [5, 14, 30, 12, 8],
      colAligns: ['right', 'left', 'left', 'center', 'right'],
      rows: [
        ['1', 'Văn phòng Sở', 'Rà soát, báo cáo tiến độ thực hiện kết luận của Giám đốc Sở về công tác cải cách hành chính', '20/11/2026', '84,7%'],
        ['2', 'Phòng Kế hoạch - Tài chính', '', '', ''],
        ['', '', '', '', ''],
        ['3', 'Sở', 'Từ_rất_dài_không_có_dấu_cách_nào_để_xuống_dòng_được_cả', '01/01/2027', '▲ 1264'],
        ['4', '  cách  đầu', 'hai  dấu   cách\nvà xuống dòng', '–', '▼ 0,6 điểm'],
      ],
    };
    expect(renderBoxTable(table)).toBe(withCliTable3(table));
  });

  test('the same bytes as cli-table3 on generated tables', () => {
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạỳýỷỹỵĐ0123456789,.;:()-/%▲▼–…“”';
    const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 0, maxLength: 18 });
    const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\n');
    const cell = fc.array(fc.tuple(word, gap), { maxLength: 12 }).map((parts) => parts.map(([w, g]) => w + g).join('').trimEnd());
    const lead = fc.tuple(fc.constantFrom('', ' ', '  '), cell).map(([a, b]) => a + b);
    const tableArb = fc.integer({ min: 1, max: 6 }).chain((columns) =>
      fc.record({
        head: fc.array(lead, { minLength: columns, maxLength: columns }),
        colWidths: fc.array(fc.integer({ min: 3, max: 30 }), { minLength: columns, maxLength: columns }),
        colAligns: fc.array(fc.constantFrom<Align>('left', 'right', 'center'), { minLength: columns, maxLength: columns }),
        rows: fc.array(fc.array(lead, { minLength: columns, maxLength: columns }), { maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(tableArb, (table) => {
        expect(renderBoxTable(table)).toBe(withCliTable3(table));
      }),
      { numRuns: 250 },
    );
  });
});
