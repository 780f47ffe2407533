/**
 * A formal report (DOCX, HTML) is headed by the agency's name: never a sample one. When the
 * database does not know it yet, a person at a terminal is asked once (and it is saved);
 * anywhere else the report is refused with the line that sets it.
 */
import { ValidationError, t } from '../domain/errors.js';
import type { Session } from './context.js';
import { say } from './output.js';
import { canPrompt } from './tty.js';

export async function ensureAgency(s: Session): Promise<void> {
  const { getConfig, setConfig } = await import('../app/config.js');
  if ((await getConfig(s.ctx, 'org.parent')).value.trim()) return;
  if (!canPrompt()) {
    throw new ValidationError(
      t('chưa có tên cơ quan cho tiêu đề báo cáo (org.parent)', 'no agency name for the report header (org.parent)'),
      t('đặt bằng: tasks config set org.parent "SỞ TÀI CHÍNH", hoặc nạp danh sách đơn vị có trường "organization"', 'set it with: tasks config set org.parent "SỞ TÀI CHÍNH", or import a unit list with "organization"'),
    );
  }
  const prompts = await import('./prompts.js');
  const answer = await prompts.askChecked('Tên cơ quan ghi trên tiêu đề báo cáo (ví dụ SỞ TÀI CHÍNH)', (v) => (v.trim() ? null : 'cần nhập tên cơ quan'));
  const saved = await setConfig(s.ctx, 'org.parent', answer);
  say(s.render.lang === 'en' ? `Saved: org.parent = "${saved.value}"` : `Đã lưu: org.parent = "${saved.value}"`);
}
