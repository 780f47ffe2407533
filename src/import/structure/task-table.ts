/**
 * A table of tasks (most often the appendix of a kế hoạch: STT | Nhiệm vụ | Sản phẩm | Thời
 * gian hoàn thành | Chủ trì | Phối hợp) → one directive a row, its columns found by their header
 * words. A row numbered in Roman numerals with no owner is a group heading; a row with no number
 * and no task continues the task above with another owner and product, and is a task of its own.
 */
import type { Registry } from '../../domain/units.js';
import { findTimingWithWords, type DeadlineContext, type TimingFound } from '../deadlines.js';
import type { Block } from '../layout/block.js';
import { columnRoles, isTaskTableHeader, type ColumnRole } from '../layout/table-header.js';
import { foldSameLength } from '../normalize.js';
import { resolvePhrase } from '../resolve-phrase.js';
import type { Draft } from '../types.js';

function flat(cell: string | undefined): string {
  return (cell ?? '').replace(/\s+/g, ' ').trim();
}

/** "Năm 2026" in a table's time column is that year's end; elsewhere the rules of a sentence apply. */
function cellTiming(cell: string, ctx: DeadlineContext): TimingFound | null {
  const folded = foldSameLength(cell).trim().replace(/[.;]$/, '');
  const year = /^(?:trong\s+|ca\s+)?nam\s+(\d{4})$/.exec(folded);
  if (year) return { timing: { kind: 'due', due: `${year[1]}-12-31`, yearGiven: true }, words: cell.trim(), flag: null };
  if (!folded) return null;
  // "Theo Điều 17 Nghị định …", "Theo hướng dẫn của Trung ương": the time another text sets, none here;
  // "Theo Kế hoạch … hằng năm" still says the task comes back every year.
  if (/^theo\b/.test(folded)) {
    const found = findTimingWithWords(cell, ctx);
    return found?.timing?.kind === 'recurring' ? found : null;
  }
  const found = findTimingWithWords(`Thời hạn: ${cell}`, ctx);
  if (!found) return null;
  return { ...found, words: found.words.replace(/^Thời hạn:\s*/, '') };
}

/** `appendix`: the table stands after the signature, and its ordinals say so ("PL.I.2"). */
export function tableDirectives(rows: Block[], ctx: DeadlineContext, registry: Registry, appendix = true): Draft[] {
  const out: Draft[] = [];
  const byTable = new Map<number, Block[]>();
  for (const r of rows) if (r.table !== null) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  let tables = 0;
  for (const table of byTable.values()) {
    const headerAt = table.findIndex((r) => isTaskTableHeader(r.cells));
    if (headerAt < 0) continue;
    tables += 1;
    const roles = columnRoles(table[headerAt].cells);
    const at = (role: ColumnRole) => roles.indexOf(role);
    let group = '';
    let last: { number: string; content: string; count: number } | null = null;
    for (const r of table.slice(headerAt + 1)) {
      // A row with fewer cells than the header: merged down from the row above (its first cells missing,
      // so the cells it has are the last ones), or merged across at its end (the last cell stands for the rest).
      const short = r.cells.length < roles.length;
      const mergedDown = short && at('number') === 0 && !/^(?:\d{1,3}|[IVX]{1,5})\.?$/.test(flat(r.cells[0]));
      const cell = (role: ColumnRole) => {
        let i = at(role);
        if (i < 0) return '';
        if (mergedDown) {
          i -= roles.length - r.cells.length;
          return i < 0 ? '' : flat(r.cells[i]);
        }
        return flat(i < r.cells.length ? r.cells[i] : role === 'coordinating' || role === 'follow-up' ? r.cells.at(-1) : '');
      };
      const number = cell('number').replace(/\.$/, '');
      let content = cell('content');
      const product = cell('product');
      const leadCell = cell('lead');
      // A column-number row ("(1) | (2) | (3)") under the header.
      if (r.cells.every((c) => /^\(?\d{1,2}\)?$/.test(flat(c)) || !flat(c))) continue;
      if (/^[IVX]{1,5}$/.test(number) || (number === '' && content && !leadCell && !product && r.bold)) {
        group = number || group;
        last = null;
        continue;
      }
      if (!number && !content) {
        if (!last || (!product && !leadCell)) continue;
        last.count += 1;
        content = last.content;
      } else last = { number: number || String(out.length + 1), content, count: 0 };
      if (!content && !product) continue;
      const prefix = appendix ? `${tables > 1 ? `PL${tables}` : 'PL'}.` : tables > 1 ? `B${tables}.` : '';
      const ordinal = `${prefix}${group ? `${group}.` : ''}${last.number}${last.count ? `.${last.count + 1}` : ''}`;
      const text = product && !foldSameLength(content).includes(foldSameLength(product)) ? `${content.replace(/[.;]\s*$/, '')}. Sản phẩm: ${product}` : content;
      const lead = resolvePhrase(leadCell, registry);
      const coordinating = resolvePhrase(cell('coordinating'), registry).units;
      const timing = cellTiming(cell('due'), ctx);
      out.push({
        ordinal,
        text,
        owners: lead.units.length || lead.unknown.length ? { lead: lead.units, coordinating: [], ownerText: lead.unknown.length ? lead.unknown.join(', ') : null, flags: [...(lead.unknown.length ? (['unknown_owner'] as const) : []), ...(lead.fuzzy ? (['fuzzy_owner'] as const) : [])], words: leadCell } : null,
        ownerWords: leadCell || null,
        timing: timing?.timing ?? null,
        timingWords: timing?.words ?? null,
        timingFlag: timing?.flag ?? null,
        coordinating,
        block: r,
      });
    }
  }
  return out;
}
