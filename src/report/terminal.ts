/** What terminal renderers share: colours, width, and text made safe to print. */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Bucket } from '../domain/status.js';
import type { Lang } from './labels.js';

export { safe } from './safe-text.js';

export interface RenderOptions {
  lang: Lang;
  /** A terminal: tables and colour. Otherwise plain lines for pipes and files. */
  tty: boolean;
  color: boolean;
  width: number;
}

export function painter(options: RenderOptions): ChalkInstance {
  return new Chalk({ level: options.color ? 1 : 0 });
}

export function paintBucket(paint: ChalkInstance, bucket: Bucket, text: string): string {
  switch (bucket) {
    case 'open_overdue':
      return paint.red(text);
    case 'done_late':
      return paint.yellow(text);
    case 'done_on_time':
      return paint.green(text);
    case 'cancelled':
      return paint.gray(text);
    case 'undated':
      return paint.magenta(text);
    default:
      return text;
  }
}


/** A borderless table whose text column takes the width the others leave. */
export function table(head: string[], fixed: number[], width: number): Table.Table {
  const used = fixed.reduce((a, b) => a + b, 0) + (head.length + 1) * 1;
  const textWidth = Math.max(24, width - used - 2);
  return new Table({
    head,
    colWidths: [...fixed.slice(0, 1), textWidth, ...fixed.slice(1)],
    wordWrap: true,
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: ' ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 1 },
  });
}
