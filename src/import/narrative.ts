/**
 * What in a directive part is not an instruction: appraisal ("Ghi nhận, biểu dương…") and
 * reported facts ("Trong quý, các đơn vị đã hoàn thành…").
 */
import { VERB_PATTERN } from './grammar.js';
import { foldSameLength } from './normalize.js';

const APPRAISAL = /^(?:ghi nhan|bieu duong|danh gia cao|hoan nghenh|chuc mung|nhin chung|tuy nhien|ve co ban|trong (?:thoi gian|nam) qua)\b/;

export function isNarrative(text: string): boolean {
  if (APPRAISAL.test(foldSameLength(text))) return true;
  // "đã" before the first verb is the main verb's tense: a report. After it ("rà soát các văn
  // bản đã ban hành") it belongs to a relative clause.
  const sentence = text.split(/[.;]/)[0];
  // "Kể từ ngày 01/01/2025, Văn phòng … sẽ không …": a notice of what the sender will do, not a task given.
  if (/(?:^|\s)sẽ\s+(?:không|ngừng|dừng|chỉ)\s/u.test(sentence)) return true;
  const past = sentence.search(/(?:^|\s)đã\s/u);
  if (past < 0) return false;
  VERB_PATTERN.lastIndex = 0;
  const verb = VERB_PATTERN.exec(foldSameLength(sentence));
  return verb === null || verb.index > past;
}
