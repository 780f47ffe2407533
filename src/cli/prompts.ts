/**
 * The only importer of the prompt library, loaded only when a prompt is needed. Prompts write to
 * stderr so stdout stays data; Ctrl+C ends the command with exit 130 and nothing written.
 */
import { confirm, input, select } from '@inquirer/prompts';
import type { Schedule } from '../app/add-task.js';
import { parseDate } from '../domain/dates.js';
import { CancelledByUser, t } from '../domain/errors.js';
import { parsePeriod } from './options.js';
import { io } from './io.js';

/** Asked on the command's stderr, answered on its stdin (both from main()'s IO). */
const context = {
  get input() {
    return io().stdin;
  },
  get output() {
    return io().stderr;
  },
};

async function guarded<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError') throw new CancelledByUser(t('đã hủy', 'cancelled'));
    throw error;
  }
}

function checkDate(value: string): true | string {
  try {
    parseDate(value);
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

export function askText(message: string): Promise<string> {
  return guarded(() => input({ message, validate: (v) => (v.trim() ? true : 'Không được để trống') }, context));
}

export async function askSchedule(): Promise<Schedule> {
  const kind = await guarded(() =>
    select(
      {
        message: 'Thời hạn',
        choices: [
          { name: 'Có hạn xử lý', value: 'due' },
          { name: 'Thường xuyên (không có hạn)', value: 'ongoing' },
          { name: 'Định kỳ (hàng tháng, quý, 6 tháng, năm)', value: 'recurring' },
        ],
      },
      context,
    ),
  );
  if (kind === 'ongoing') return { kind: 'ongoing' };
  if (kind === 'due') {
    const due = await guarded(() =>
      input({ message: 'Hạn xử lý (DD/MM/YYYY)', validate: (v) => checkDate(v) }, context),
    );
    return { kind: 'due', due: parseDate(due) };
  }
  const every = await guarded(() =>
    select(
      {
        message: 'Chu kỳ',
        choices: [
          { name: 'Hàng tháng', value: 'month' },
          { name: 'Hàng quý', value: 'quarter' },
          { name: '6 tháng', value: 'half-year' },
          { name: 'Hàng năm', value: 'year' },
        ],
      },
      context,
    ),
  );
  return { kind: 'recurring', every: parsePeriod(every), day: null, until: null };
}

export type ReviewChoice = 'accept' | 'owner' | 'due' | 'skip' | 'back' | 'rest';

/** The key hints, in Vietnamese, under every menu. */
const MENU_THEME = { style: { keysHelpTip: () => '↑↓ chọn · Enter xác nhận · Ctrl+C hủy, không ghi gì' } };

/**
 * One proposed directive: accept it (the default) and go on, correct its owner or timing (the
 * menu comes back, for more corrections), skip it, go back to the previous one, or accept the rest.
 */
export function askReview(message: string, where: { first: boolean }): Promise<ReviewChoice> {
  return guarded(() =>
    select<ReviewChoice>(
      {
        message,
        default: 'accept',
        theme: MENU_THEME,
        choices: [
          { name: 'Đồng ý, sang mục sau', value: 'accept' },
          { name: 'Sửa đơn vị chủ trì', value: 'owner' },
          { name: 'Sửa thời hạn', value: 'due' },
          { name: 'Bỏ qua mục này', value: 'skip' },
          { name: 'Quay lại mục trước', value: 'back', disabled: where.first ? '(đang ở mục đầu)' : false },
          { name: 'Chấp nhận tất cả phần còn lại', value: 'rest' },
        ],
      },
      context,
    ),
  );
}

/** A value checked by `check`, which returns an error message or null. */
export function askChecked(message: string, check: (value: string) => string | null, fallback?: string): Promise<string> {
  return guarded(() => input({ message, default: fallback, validate: (v) => check(v) ?? true }, context));
}

/**
 * A yes/no question; the default is no, so Enter alone changes nothing. `hint` replaces the
 * library's "(y/N)" with words (e.g. "y: ghi · Enter: không ghi"), and its Yes/No answer with có/không.
 */
export function askConfirm(message: string, hint?: string): Promise<boolean> {
  if (hint === undefined) return guarded(() => confirm({ message, default: false }, context));
  const theme = { style: { defaultAnswer: () => `(${hint})` } };
  return guarded(() => confirm({ message, default: false, theme, transformer: (yes) => (yes ? 'có' : 'không') }, context));
}
