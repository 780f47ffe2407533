/**
 * Where the instructions are. A conclusion first reports ("Thứ nhất…", "Một là…" of results and
 * shortcomings), then instructs after a lead-in: a sentence ending in a colon in which someone
 * with authority asks, assigns or directs ("Giám đốc Sở yêu cầu … cụ thể như sau:", "giao",
 * "đề nghị", "chỉ đạo"), or a heading about tasks ("II. NHIỆM VỤ THỜI GIAN TỚI"). The part ends
 * at the closing formula ("… để các đơn vị biết, thực hiện./."), the recipients ("Nơi nhận:"),
 * the signature block, or a web page's footer.
 */
import { foldSameLength } from './normalize.js';

export interface DirectivePart {
  /** The lead-in sentence: a deadline or a "giao X" in it applies to every item. */
  leadIn: string;
  lines: string[];
}

const AUTHORITY = String.raw`(?:giam doc|pho giam doc|chu tich|pho chu tich|lanh dao|bo truong|thu truong|thu tuong|pho thu tuong|ubnd|uy ban nhan dan|hoi nghi|cuoc hop|tinh uy|ban thuong vu|dong chi|chanh van phong|van phong|truong ban|(?<!co\s)so)`;
const STRONG_VERB = String.raw`(?:yeu cau|giao(?!\s+ban\b)|de nghi|chi dao|phan cong|co y kien(?:\s+chi dao)?)`;
const WEAK_VERB = String.raw`(?:ket luan|thong nhat)`;
/** An authority followed within a few words by the verb, or the verb opening the sentence. */
const leadIn = (verb: string) =>
  new RegExp(String.raw`(?:(?<![\p{L}])${AUTHORITY}(?:\s+[\p{L}\p{N}]+){0,6}?\s+(?<!da\s)${verb}|^\s*${verb})(?![\p{L}])`, 'u');
const STRONG = leadIn(STRONG_VERB);
const WEAK = leadIn(WEAK_VERB);
/** A numbered section heading about tasks ("II. NHIỆM VỤ THỜI GIAN TỚI"); a title is not one. */
const HEADING_WORDS = String.raw`(?:(?:muc tieu|chi tieu)(?:\s*,|\s+va)\s+)?(?:cac\s+)?(?:nhiem vu|giai phap|kien nghi|de xuat|phan cong|to chuc thuc hien|y kien ket luan|ket luan|chi dao|giao nhiem vu)(?:[\p{L}\d\s,]{0,80})?:?$`;
const HEADING = new RegExp(String.raw`^(?:[ivx]{1,4}|\d{1,2})[.)]\s*${HEADING_WORDS}`, 'u');
/** An unnumbered heading counts when written in capitals, as headings are. */
const CAPS_HEADING = new RegExp(String.raw`^(?!(?:y kien )?ket luan)${HEADING_WORDS}`, 'u');
/** "… thực hiện các nhiệm vụ sau:": a call to act with no named authority, and nothing reported ("đã"). */
const TASK_LIST = /(?:nhiem vu|noi dung|giai phap|cong viec|viec)\s+(?:sau|nhu sau|cu the sau|cu the nhu sau|trong tam sau)\s*:\s*$/;

function isHeading(line: string, folded: string): boolean {
  return HEADING.test(folded) || (line === line.toUpperCase() && /\p{Lu}/u.test(line) && CAPS_HEADING.test(folded));
}

const ENDINGS = [
  /^noi nhan\b/,
  /^(?:kt|tl|tm|q|tuq)\.\s/,
  /^(?:giam doc|pho giam doc|chanh van phong|chu tich|pho chu tich)$/,
  /^(?:tac gia|nguoi viet|nguon|tin lien quan|bai viet lien quan|nhung tin|tong so diem|chia se|in bai)\b/,
  /\bthong bao\b.{0,200}\bde\b.{0,120}\bbiet\b/,
  // "Yêu cầu các đơn vị nghiêm túc triển khai thực hiện./.": the closing call to act on the above.
  /^(?:yeu cau|de nghi)\s[^.;:]{0,80}\bthuc hien(?:\s+(?:nghiem tuc|theo dung quy dinh|cac noi dung tren))?\s*(?:\.\/\.|\.)?$/,
];

function isLeadIn(folded: string, verb: RegExp): boolean {
  const colon = folded.trimEnd().endsWith(':') || /(?:nhu sau|sau day|cu the)\s*:/.test(folded);
  return colon && verb.test(folded);
}

/** The directive part of a normalised text, or null when the text has no lead-in. */
export function findDirectivePart(text: string): DirectivePart | null {
  const lines = text.split('\n').map((l) => l.trim());
  const folded = lines.map((l) => foldSameLength(l));
  let start = folded.findIndex((l, i) => isLeadIn(l, STRONG) || isHeading(lines[i], l));
  if (start < 0) start = folded.findIndex((l) => TASK_LIST.test(l) && !/(?<![\p{L}])da(?![\p{L}])/u.test(l));
  if (start < 0) start = folded.findIndex((l) => isLeadIn(l, WEAK));
  if (start < 0) return null;
  // A lead-in that runs on after its colon ("… như sau: 1. …") keeps its tail as content.
  const head = lines[start];
  const colon = /(?:nhu sau|sau day|cu the)\s*:/.exec(folded[start]);
  const tail = colon && !isHeading(head, folded[start]) ? head.slice(colon.index + colon[0].length).trim() : '';
  const body: string[] = tail ? [tail] : [];
  for (let i = start + 1; i < lines.length; i++) {
    const f = folded[i];
    if (!f) continue;
    if (ENDINGS.some((e) => e.test(f))) break;
    body.push(lines[i]);
    if (/\.\/\.\s*$/.test(f)) break;
  }
  return { leadIn: tail ? head.slice(0, head.length - tail.length) : head, lines: body };
}
