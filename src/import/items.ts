/**
 * Splits the directive part into a tree of items, whatever the numbering: "I.", "1.", "1)",
 * "1.2.", "(1)", "a)", "a.", "-", "+", "•", "Thứ nhất,", "Một là,", one item a line, and inline
 * runs "(1)… (2)…" or "a)… b)…" inside one paragraph. Levels come from the order in which
 * marker styles first appear, the way a reader infers them: a style seen before closes the
 * deeper levels.
 */

export interface Item {
  /** The label as numbered in the text ("2", "a", "(3)"), or null for bullets and plain lines. */
  label: string | null;
  /** False for a plain paragraph (no number, no bullet) placed after an item. */
  marked?: boolean;
  text: string;
  children: Item[];
}

interface Marker {
  style: string;
  label: string | null;
  rest: string;
}

const ORDINAL_WORDS = String.raw`(?:Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là)`;

const MARKERS: { style: string; pattern: RegExp; label: (m: RegExpExecArray) => string | null }[] = [
  { style: 'roman', pattern: /^([IVX]{1,5})[.)/]\s+/, label: (m) => m[1] },
  { style: 'multi', pattern: /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+/, label: (m) => m[1] },
  { style: 'num-dot', pattern: /^(\d{1,3})\.(?!\d)\s*/, label: (m) => m[1] },
  { style: 'num-paren', pattern: /^(\d{1,3})\)\s*/, label: (m) => m[1] },
  { style: 'num-slash', pattern: /^(\d{1,2})\/\s+/, label: (m) => m[1] },
  { style: 'paren-num', pattern: /^\((\d{1,2})\)\s*/, label: (m) => `(${m[1]})` },
  { style: 'alpha-paren', pattern: /^([a-zđ])\)\s*/, label: (m) => m[1] },
  { style: 'alpha-dot', pattern: /^([a-zđ])[./]\s+/, label: (m) => m[1] },
  { style: 'dash', pattern: /^[-–—]\s*/, label: () => null },
  { style: 'plus', pattern: /^\+\s*/, label: () => null },
  { style: 'bullet', pattern: /^[•·▪●◦○■□❖➢►*]\s*/, label: () => null },
  { style: 'words', pattern: new RegExp(`^(${ORDINAL_WORDS})\\s*[,:.]\\s*`, 'u'), label: (m) => m[1] },
];

/** How high a style usually stands in an administrative document's numbering. */
const RANK: Record<string, number> = { roman: 0, multi: 1, words: 1, 'num-dot': 2, 'num-paren': 2, 'num-slash': 2, 'paren-num': 3, 'alpha-paren': 4, 'alpha-dot': 4, dash: 5, bullet: 5, plus: 6 };

export function markerOf(line: string): Marker | null {
  for (const { style, pattern, label } of MARKERS) {
    const m = pattern.exec(line);
    if (m && m[0].length < line.length) return { style, label: label(m), rest: line.slice(m[0].length) };
  }
  return null;
}

/** Splits "head (1) x; (2) y" into head and the run (1), (2)…, if numbered from 1 in order. */
export function splitInline(text: string): { head: string; items: Item[] } | null {
  for (const [pattern, first, next, label] of [
    [/(?:^|(?<=[\s:;.,]))\((\d{1,2})\)\s*/g, '1', (v: string) => String(Number(v) + 1), (v: string) => `(${v})`],
    [/(?:^|(?<=[:;.]))\s*([a-zđ])\)\s+/gu, 'a', (v: string) => String.fromCharCode(v.charCodeAt(0) + 1), (v: string) => v],
  ] as const) {
    const cuts: { at: number; end: number; value: string }[] = [];
    let expected: string = first;
    for (const m of text.matchAll(pattern)) {
      if (m[1] !== expected) continue;
      cuts.push({ at: m.index, end: m.index + m[0].length, value: m[1] });
      expected = next(m[1]);
    }
    if (cuts.length < 2) continue;
    const items = cuts.map((c, i) => ({ label: label(c.value), text: text.slice(c.end, cuts[i + 1]?.at ?? text.length).trim(), children: [] }));
    return { head: text.slice(0, cuts[0].at).trim(), items };
  }
  return null;
}

/** "Thời hạn: …", "Chủ trì: …" on a line of its own: a field of the item above, not an item. */
const FIELD = /^(?:Thời hạn|Hạn xử lý|Hạn hoàn thành|Hạn|Đơn vị chủ trì|Chủ trì|Cơ quan chủ trì|Đơn vị phối hợp|Phối hợp|Cơ quan phối hợp|Sản phẩm|Kết quả đầu ra|Hình thức)\s*:/iu;

function endsSentence(text: string): boolean {
  return /[.;!?:]["”)]?\s*$/.test(text);
}

function expandInline(item: Item): Item {
  const split = item.children.length === 0 ? splitInline(item.text) : null;
  if (split) return { ...item, text: split.head, children: split.items };
  return { ...item, children: item.children.map(expandInline) };
}

/**
 * The item tree of a block of lines. Lines before the first marker are the preamble (context
 * for every item); with no marker at all, every paragraph is an item.
 */
export function splitItems(lines: string[]): { preamble: string; items: Item[] } {
  const marked = lines.map((l) => ({ line: l, marker: markerOf(l) }));
  const anyMarker = marked.some((m) => m.marker);
  const root: Item = { label: null, text: '', children: [] };
  const stack: { style: string; item: Item }[] = [];
  const preamble: string[] = [];
  let current: Item | null = null;
  for (const { line, marker } of marked) {
    if (marker) {
      const level = stack.findIndex((s) => s.style === marker.style);
      if (level >= 0) stack.length = level;
      // A style not seen yet but of a higher order ("III." after "c)") closes the deeper levels too.
      else while (stack.length && RANK[stack.at(-1)!.style] > RANK[marker.style]) stack.pop();
      const parent = stack.at(-1)?.item ?? root;
      current = { label: marker.label, text: marker.rest, children: [] };
      parent.children.push(current);
      stack.push({ style: marker.style, item: current });
    } else if (!anyMarker || !current) {
      if (anyMarker) preamble.push(line);
      else root.children.push({ label: null, text: line, children: [] });
    } else if (/^[\p{Ll}(]/u.test(line) || FIELD.test(line)) {
      current.text = `${current.text} ${line}`;
    } else if (!endsSentence(current.text) && current.children.length === 0 && /:\s*$/.test(line) && line.length < 300) {
      // "3. Về cải cách tổ chức bộ máy" + "Giao Sở Nội vụ:": the words that introduce the items below it.
      current.text = `${current.text}: ${line}`;
    } else if ((!endsSentence(current.text) && current.text.length < 200) || (/:\s*$/.test(current.text) && current.text.length < 400)) {
      // A heading ("1. Công tác triển khai") and the paragraphs under it: its content, one item each.
      current.children.push({ label: null, text: line, children: [] });
    } else {
      // A plain paragraph after an item: a sibling of it (or the item's second paragraph: the parser decides).
      const parent = stack.length > 1 ? stack.at(-2)!.item : root;
      current = { label: null, text: line, children: [], marked: false };
      parent.children.push(current);
    }
  }
  const items = root.children.map(expandInline);
  if (items.length === 1 && items[0].children.length === 0 && !anyMarker) {
    const inline = splitInline(items[0].text);
    if (inline) return { preamble: [...preamble, inline.head].join(' ').trim(), items: inline.items };
  }
  return { preamble: preamble.join(' '), items };
}

export interface Leaf {
  ordinal: string;
  /** Numbered or bulleted in the text; false for a plain paragraph that follows an item. */
  marked: boolean;
  /** The leaf just before it under the same parent, when there is one. */
  previous: string | null;
  /** For an item that is a task and lists its details ("…, trong đó:"), the details' texts. */
  details?: string[];
  text: string;
  /** The texts of the items above it, outermost first: owners and deadlines they state apply to it. */
  context: string[];
}

/** The items that carry no sub-items: the directives. Ordinals join labels ("2.(3)", "1.a"). */
export function leavesOf(items: Item[], prefix = '', context: string[] = []): Leaf[] {
  const out: Leaf[] = [];
  items.forEach((item, i) => {
    const label = item.label ?? String(i + 1);
    const ordinal = prefix ? `${prefix}.${label}` : label;
    if (item.children.length === 0) {
      const before = items[i - 1];
      if (item.text.trim()) out.push({ ordinal, text: item.text, context, marked: item.marked !== false, previous: before && before.children.length === 0 ? (prefix ? `${prefix}.${before.label ?? String(i)}` : (before.label ?? String(i))) : null });
    } else {
      // "Chủ trì … tập trung giải phóng mặt bằng …, trong đó:" is a task itself, its sub-items the details.
      if (/\S[^:]{60,},?\s*(?:trong đó|cụ thể(?: là)?|bao gồm)\s*:\s*$/iu.test(item.text)) out.push({ ordinal, text: item.text, context, marked: true, previous: null, details: item.children.map((c) => c.text) });
      out.push(...leavesOf(item.children, ordinal, [...context, item.text]));
    }
  });
  return out;
}
