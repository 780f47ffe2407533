/** Builds .docx and .pdf test documents from text, so fixtures stay our own words. */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

/** A line of text, a paragraph Word numbers itself at a list level (0: "1.", 1: "a)"), or a table. */
export type DocxLine = string | { text: string; level: number } | { table: string[][] };

function block(line: DocxLine): Paragraph | Table {
  if (typeof line === 'string') return new Paragraph(line);
  if ('table' in line) {
    return new Table({ rows: line.table.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) });
  }
  return new Paragraph({ text: line.text, numbering: { reference: 'muc', level: line.level } });
}

export async function makeDocx(lines: DocxLine[]): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'muc',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: lines.map(block),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A one-page PDF with a text layer in a standard font (so ASCII text only; the parser reads text
 * without diacritics as well). With no lines it draws a box and no text: a scan as far as text
 * extraction can tell.
 */
export function makePdf(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = lines.length
    ? `BT /F1 11 Tf 14 TL 40 800 Td ${lines.map((l) => `(${escape(l)}) Tj T*`).join(' ')} ET`
    : '0.5 g 40 400 500 300 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
