/**
 * A .docx as mammoth renders it to HTML → text. Word numbers lists itself, so the numbers are
 * not in the text; they are written back here ("1.", "a)", "(1)" by depth; "-", "+" for
 * bullets) for the item splitter to see the structure the reader sees.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function marker(kind: 'ol' | 'ul', depth: number, n: number): string {
  if (kind === 'ul') return depth % 2 === 0 ? '-' : '+';
  if (depth % 3 === 0) return `${n}.`;
  if (depth % 3 === 1) return `${String.fromCharCode(96 + Math.min(n, 26))})`;
  return `(${n})`;
}

export function textFromDocxHtml(html: string): string {
  const lists: { kind: 'ol' | 'ul'; n: number }[] = [];
  let out = '';
  const newline = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    if (m[3] !== undefined) {
      out += decode(m[3]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'ol' || tag === 'ul') {
      newline();
      if (closing) lists.pop();
      else lists.push({ kind: tag, n: 0 });
    } else if (tag === 'li' && !closing) {
      newline();
      const list = lists.at(-1);
      if (list) {
        list.n += 1;
        out += `${marker(list.kind, lists.length - 1, list.n)} `;
      }
    } else if (tag === 'br' || (closing && /^(?:p|h[1-6]|li|tr|table)$/.test(tag))) newline();
    else if (closing && (tag === 'td' || tag === 'th')) out += ' ';
  }
  return out.replace(/\n+$/, '');
}
