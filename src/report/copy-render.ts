/** `tasks db copy`: the rows counted in each table on both sides. */
import type { TableCount } from '../report-model/copy.js';
import { painter, type RenderOptions } from './terminal.js';

export function renderCopy(counts: TableCount[], options: RenderOptions): string {
  if (!options.tty) return counts.map((c) => `${c.table}\t${c.source}\t${c.target}`).join('\n') + '\n';
  const paint = painter(options);
  const en = options.lang === 'en';
  const head = en ? ['table', 'source', 'target'] : ['bảng', 'nguồn', 'đích'];
  const width = Math.max(...counts.map((c) => c.table.length), head[0].length) + 2;
  const lines = [paint.bold(`${head[0].padEnd(width)}${head[1].padStart(10)}${head[2].padStart(10)}`)];
  for (const c of counts) lines.push(`${c.table.padEnd(width)}${String(c.source).padStart(10)}${String(c.target).padStart(10)}`);
  return `${lines.join('\n')}\n`;
}
