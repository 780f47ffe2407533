/**
 * The structure layer: the parts of an administrative document, and the table of tasks of an
 * appendix. Texts are our own, in the layout of Nghị định 30/2020.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../src/domain/working-days.js';
import { row } from '../../src/import/layout/block.js';
import { textBlocks } from '../../src/import/layout/text-layout.js';
import { documentParts } from '../../src/import/structure/parts.js';
import { tableDirectives } from '../../src/import/structure/task-table.js';
import { ROOT } from '../helpers/cli.js';
import { registryFile } from '../helpers/registry.js';

const registry = registryFile(path.join(ROOT, 'data', 'units-sample.json'));
const ctx = { base: '2026-03-02', calendar: makeCalendar({ off: [], workdays: [] }), issuedOn: '2026-03-02' };

const CONG_VAN = `SỞ NGOẠI VỤ
TỈNH KHÁNH LÂM
Số: 215/SNgV-VP
V/v rà soát quy chế
làm việc của Sở
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Khánh Lâm, ngày 02 tháng 3 năm 2026

Kính gửi:
- Văn phòng Sở;
- Thanh tra Sở.

Căn cứ Quyết định số 40/QĐ-UBND ngày 12/01/2026 của Ủy ban nhân dân tỉnh, Giám đốc Sở giao Văn phòng Sở chủ trì rà soát Quy chế làm việc, trình Giám đốc Sở trước ngày 31/3/2026.

Yêu cầu các đơn vị nghiêm túc thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, VP.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Văn Minh
PHỤ LỤC
DANH MỤC NHIỆM VỤ`;

describe('the parts of a document', () => {
  it('tells header, Kính gửi, body, closing, Nơi nhận, signature and appendix apart', () => {
    const parts = documentParts(textBlocks(CONG_VAN));
    expect(parts.title).toBe('rà soát quy chế làm việc của Sở');
    expect(parts.header.map((b) => b.text)).toContain('Số: 215/SNgV-VP');
    expect(parts.addressees).toEqual(['Văn phòng Sở', 'Thanh tra Sở']);
    expect(parts.body.map((b) => b.text)).toEqual([expect.stringMatching(/^Căn cứ Quyết định số 40/)]);
    expect(parts.closing.map((b) => b.text)).toEqual(['Yêu cầu các đơn vị nghiêm túc thực hiện./.']);
    expect(parts.recipients).toEqual(['Như trên;', 'Lưu: VT, VP.']);
    expect(parts.signature.map((b) => b.text)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Văn Minh']);
    expect(parts.appendix.map((b) => b.text)).toEqual(['PHỤ LỤC', 'DANH MỤC NHIỆM VỤ']);
  });

  it('reads a công điện\'s "… điện:" as its addressees', () => {
    const parts = documentParts(textBlocks('CÔNG ĐIỆN\nVề phòng chống bão số 3\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n- Giám đốc các sở;\n- Chủ tịch UBND các xã.\nĐể chủ động ứng phó, Chủ tịch UBND tỉnh yêu cầu:'));
    expect(parts.addressees).toEqual(['Giám đốc các sở', 'Chủ tịch UBND các xã']);
    expect(parts.body.map((b) => b.text)).toEqual(['Để chủ động ứng phó, Chủ tịch UBND tỉnh yêu cầu:']);
  });
});

describe('a table of tasks', () => {
  const header = row(['STT', 'Nhiệm vụ', 'Sản phẩm', 'Thời gian hoàn thành', 'Chủ trì thực hiện', 'Phối hợp thực hiện'], 1, 1, 0, true);
  const rows = [
    header,
    row(['I', 'Cải cách thể chế', '', '', '', ''], 1, 2, 0, true),
    row(['1', 'Rà soát quy chế làm việc của Sở.', 'Quy chế sửa đổi', 'Năm 2026', 'Văn phòng Sở', 'Thanh tra Sở'], 1, 3, 0),
    row(['2', 'Công khai thủ tục hành chính trên Cổng thông tin.', 'Danh mục công khai', 'Hằng quý', 'Văn phòng Sở; Phòng Lãnh sự', ''], 1, 4, 0),
    // Merged down from row 2: another owner, another product, the same task.
    row(['Báo cáo kết quả công khai', 'Trong quý II năm 2026', 'Thanh tra Sở', ''], 1, 5, 0),
    row(['3', 'Triển khai theo hướng dẫn của Trung ương.', 'Báo cáo', 'Theo hướng dẫn của Bộ Nội vụ', 'Phòng Hợp tác quốc tế', ''], 1, 6, 0),
  ];

  it('gives one directive a row, with owner, coordination and time read from their columns', () => {
    const drafts = tableDirectives(rows, ctx, registry);
    expect(
      drafts.map((d) => [
        d.ordinal,
        d.owners?.lead.map((u) => u.code).join('+') ?? '∅',
        d.coordinating.map((u) => u.code).join('+'),
        d.timing?.kind === 'due' ? d.timing.due : d.timing?.kind === 'recurring' ? d.timing.every : null,
      ]),
    ).toEqual([
      ['PL.I.1', 'VP', 'TTR', '2026-12-31'],
      ['PL.I.2', 'VP+LS', '', 'quarter'],
      ['PL.I.2.2', 'TTR', '', '2026-06-30'],
      ['PL.I.3', 'HTQT', '', null],
    ]);
    expect(drafts[0].text).toBe('Rà soát quy chế làm việc của Sở. Sản phẩm: Quy chế sửa đổi');
    expect(drafts[2].text).toContain('Báo cáo kết quả công khai');
  });
});

describe('owners the document gives once for many items', () => {
  it('gives "Trách nhiệm chung của các cơ quan, đơn vị" to every addressee of "Kính gửi"', async () => {
    const { parseConclusion } = await import('../../src/import/parse-conclusion.js');
    const text = `SỞ NGOẠI VỤ\nSố: 31/SNgV-VP\nV/v thực hiện quy chế văn hóa công sở\nKhánh Lâm, ngày 05 tháng 3 năm 2026\nKính gửi:\n- Văn phòng Sở;\n- Phòng Lãnh sự.\nGiám đốc Sở yêu cầu như sau:\n1. Trách nhiệm chung của các cơ quan, đơn vị\na) Quán triệt quy chế văn hóa công sở đến công chức.\n2. Văn phòng Sở kiểm tra việc thực hiện, báo cáo trước ngày 30/6/2026.`;
    const proposal = parseConclusion(text, { registry, calendar: ctx.calendar, today: '2026-03-06', overrides: {} });
    expect(proposal.directives.map((d) => [d.ordinal, d.owners.lead.map((u) => u.code)])).toEqual([
      ['1.a', ['VP', 'LS']],
      ['2', ['VP']],
    ]);
  });
});

describe('an owner list given before the tasks', () => {
  it('gives the items after "gồm: - A; - B … nêu trên có trách nhiệm:" to the units listed, and makes no task of the names', async () => {
    const { parseConclusion } = await import('../../src/import/parse-conclusion.js');
    const text = 'Giám đốc Sở yêu cầu như sau:\n1. Các đơn vị chủ trì thực hiện gồm:\n- Văn phòng Sở;\n- Phòng Lãnh sự.\nCác đơn vị nêu trên có trách nhiệm:\na) Rà soát hồ sơ lưu trữ năm 2025.\nb) Báo cáo kết quả trước ngày 30/6/2026.\n2. Thanh tra Sở kiểm tra việc thực hiện.';
    const proposal = parseConclusion(text, { registry, calendar: ctx.calendar, today: '2026-03-06', overrides: {} });
    expect(proposal.directives.map((d) => [d.text, d.owners.lead.map((u) => u.code)])).toEqual([
      ['Rà soát hồ sơ lưu trữ năm 2025.', ['VP', 'LS']],
      ['Báo cáo kết quả trước ngày 30/6/2026.', ['VP', 'LS']],
      ['Thanh tra Sở kiểm tra việc thực hiện.', ['TTR']],
    ]);
  });
});
