/**
 * Picks the renderer for a format. The DOCX and XLSX writers are heavy, so each renderer is
 * imported only when its format is asked for.
 */
import { ValidationError, t } from '../../domain/errors.js';
import type { RenderOptions } from '../terminal.js';
import type { Digest } from '../../domain/digest/model.js';

export const FORMATS = ['term', 'md', 'html', 'docx', 'xlsx', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const EXTENSIONS: Record<string, Format> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.docx': 'docx', '.xlsx': 'xlsx', '.csv': 'csv', '.json': 'json', '.txt': 'term' };

export function isBinary(format: Format): boolean {
  return format === 'docx' || format === 'xlsx';
}

export function parseFormat(value: string): Format {
  const format = value.trim().toLowerCase().replace(/^markdown$/, 'md').replace(/^terminal$/, 'term');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ValidationError(t(`định dạng không hỗ trợ: "${value}"`, `unsupported format: "${value}"`), t(`chọn một trong: ${FORMATS.join(', ')}`, `one of: ${FORMATS.join(', ')}`));
  }
  return format as Format;
}

/** --format when given; otherwise what the --out file's extension says; otherwise the terminal. */
export function chooseFormat(format: Format | undefined, json: boolean, out: string | undefined): Format {
  if (format) return format;
  if (json) return 'json';
  const extension = out ? /\.[^./\\]+$/.exec(out.toLowerCase())?.[0] : undefined;
  if (extension && !EXTENSIONS[extension]) {
    // A .pdf (or any name the list does not have) would otherwise get terminal text under it.
    throw new ValidationError(
      t(`không có định dạng báo cáo cho đuôi tệp "${extension}"`, `no report format for the extension "${extension}"`),
      t(`dùng đuôi ${Object.keys(EXTENSIONS).join(', ')}, hoặc chọn --format`, `use ${Object.keys(EXTENSIONS).join(', ')}, or give --format`),
    );
  }
  return (extension && EXTENSIONS[extension]) || 'term';
}

export async function renderDigest(digest: Digest, format: Format, options: RenderOptions): Promise<string | Buffer> {
  const { lang } = options;
  switch (format) {
    case 'term':
      return (await import('./terminal.js')).renderTerminal(digest, options);
    case 'md':
      return (await import('./markdown.js')).renderMarkdown(digest, lang);
    case 'html':
      return (await import('./html.js')).renderHtml(digest, lang);
    case 'csv':
      return (await import('./csv.js')).renderCsv(digest, lang);
    case 'json':
      return (await import('./json.js')).renderJson(digest);
    case 'docx':
      return (await import('./docx.js')).renderDocx(digest, lang);
    case 'xlsx':
      return (await import('./xlsx.js')).renderXlsx(digest, lang);
  }
}
