/**
 * The digest's DOCX as LibreOffice lays it out: converted to PDF (soffice), its page count
 * (pdfinfo), and no table cell breaking a word across lines ("Thườn g xuyên", "190/TB- STC")
 * in the text pdftotext reads back. Skipped, with a line saying so, when soffice is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const READY = has('soffice') && has('pdfinfo') && has('pdftotext');
if (!READY) console.warn('docx-render: soffice, pdfinfo or pdftotext is not installed: the LibreOffice rendering test is SKIPPED (apt-get install libreoffice-writer-nogui poppler-utils).');

const CONCLUSION = `THÔNG BÁO
Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 10

Ngày 02 tháng 10 năm 2026, Giám đốc Sở chủ trì cuộc họp giao ban.

Giám đốc Sở yêu cầu:
1. Thanh tra Sở, Phòng Lãnh sự, Văn phòng Sở rà soát danh mục thủ tục hành chính thuộc lĩnh vực được giao, hoàn thành trước ngày 25/10/2026.
2. Phòng Hợp tác quốc tế xây dựng kế hoạch đón đoàn vào, hoàn thành trước ngày 30/12/2026.
`;

let ws: Workspace;
let pages = 0;
let pdfText = '';
let docxText = '';
let cellWords: string[] = [];
let inCells = new Map<string, number>();

/** Words as a reader sees them: split on spaces, trailing punctuation dropped. */
const wordsOf = (text: string) =>
  text
    .split(/\s+/)
    .map((w) => w.replace(/[.,;:()]+$/u, '').replace(/^[(]+/u, ''))
    .filter((w) => [...w].length >= 3 && /[\p{L}/]/u.test(w));
const count = (words: string[]) => words.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());

beforeAll(async () => {
  if (!READY) return;
  ws = workspace('2026-11-30');
  const at = (day: string, args: string[]) => {
    const r = ws.run(args, { env: { TASKS_TODAY: day } });
    if (r.code !== 0) throw new Error(`tasks ${args.join(' ')}: ${r.stderr}`);
  };
  at('2026-09-01', ['unit', 'import', path.join(ROOT, 'data/units-sample.json')]);
  at('2026-09-01', ['config', 'set', 'org.name', 'VĂN PHÒNG SỞ']);
  at('2026-09-01', ['add', 'Rà soát kế hoạch cải cách hành chính năm 2026', '--unit', 'VP', '--coord', 'TTR', '--due', '2026-10-15', '--source', '190/TB-STC']);
  at('2026-09-01', ['add', 'Sử dụng thư điện tử công vụ trong trao đổi văn bản', '--unit', 'LS', '--ongoing']);
  at('2026-10-05', ['import', ws.file('ket-luan.txt', CONCLUSION), '--yes']);
  at('2026-11-05', ['done', '4', '--on', '2026-11-05', '--evidence', '12/TB-VP']);
  at('2026-10-10', ['extend', '1', '--to', '2026-11-20', '--reason', 'chờ số liệu của các phòng']);
  at('2026-11-12', ['progress', '3', 'Đã dự thảo danh mục']);
  const out = path.join(ws.dir, 'bao-cao.docx');
  at('2026-11-30', ['digest', '--month', '2026-11', '--out', out]);

  const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('word/document.xml')!.async('string');
  const textOf = (part: string) => [...part.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n');
  docxText = textOf(xml);
  const cells = wordsOf([...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])).join('\n'));
  cellWords = [...new Set(cells)];
  inCells = count(cells);

  // LibreOffice writes its profile under HOME: a temp one, so no user's profile is touched.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-soffice-'));
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', ws.dir, out], { env: { ...process.env, HOME: home }, stdio: 'pipe', timeout: 110_000 });
  const pdf = path.join(ws.dir, 'bao-cao.pdf');
  pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  fs.rmSync(home, { recursive: true, force: true });
}, 120_000);

describe.skipIf(!READY)('the digest DOCX through LibreOffice', () => {
  test('the page count', () => {
    // Heading, figures and the by-unit table on pages 1–2; the eight lists of a few rows each (the group's
    // rows naming its three units), the closing and Nơi nhận on pages 2–4.
    expect(pages).toBe(4);
  });

  test('no table cell breaks a word across lines', () => {
    expect(cellWords).toEqual(expect.arrayContaining(['Thường', 'xuyên', '190/TB-STC', '12/TB-VP', '25/10/2026']));
    // Each word of a table cell is read back whole as often as the document holds it; a word broken
    // across two lines ("Thườn" / "g", "190/TB-" / "STC") is read back fewer times. pdftotext splits
    // some words of the justified paragraphs ("đ ược"): a word found there too must be read back at
    // least as often as the tables hold it.
    const inDocx = count(wordsOf(docxText));
    const inPdf = count(wordsOf(pdfText));
    const expected = (w: string) => (inDocx.get(w) === inCells.get(w) ? inDocx.get(w)! : inCells.get(w)!);
    const broken = cellWords.filter((w) => (inPdf.get(w) ?? 0) < expected(w)).map((w) => `${w}: ${inPdf.get(w) ?? 0} of ${expected(w)}`);
    expect(broken).toEqual([]);
  });
});
