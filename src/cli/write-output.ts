/**
 * Where a report goes: a file named by --out (written whole or not at all), or stdout. A binary
 * format is not poured onto a terminal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ValidationError, t } from '../domain/errors.js';

/** The absolute path --out names, refused in one line when its folder is missing or it is a folder. */
export function outTarget(out: string, exampleVi: string, exampleEn: string): string {
  const target = path.resolve(out);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new ValidationError(t(`không có thư mục "${path.dirname(out)}"`, `no directory "${path.dirname(out)}"`), t('kiểm tra lại đường dẫn --out', 'check the --out path'));
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new ValidationError(t(`"${out}" là một thư mục`, `"${out}" is a directory`), t(`--out cần tên tệp, ví dụ ${exampleVi}`, `--out takes a file name, e.g. ${exampleEn}`));
  }
  return target;
}

export function writeReport(content: string | Buffer, out: string | undefined, binary: boolean): string | null {
  if (out === undefined) {
    if (binary && process.stdout.isTTY) {
      throw new ValidationError(t('định dạng này là tệp nhị phân, không in ra màn hình được', 'this format is binary and cannot be shown on a terminal'), t('thêm --out, ví dụ --out bao-cao.docx', 'add --out, e.g. --out report.docx'));
    }
    process.stdout.write(content);
    return null;
  }
  const target = outTarget(out, 'bao-cao.docx', 'report.docx');
  // Written beside the target and renamed, so a reader never sees half a file.
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const code = (error as { code?: string }).code ?? '';
    throw new ValidationError(t(`không ghi được tệp "${out}" (${code})`, `cannot write "${out}" (${code})`), t('kiểm tra quyền ghi, hoặc tệp đang mở trong Word/Excel', 'check permissions, or whether Word/Excel has it open'));
  }
  return target;
}
