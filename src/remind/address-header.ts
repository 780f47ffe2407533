/**
 * Address and subject headers written by hand rather than by the mail library: Vietnamese text is
 * split into RFC 2047 encoded-words only between words, never inside one, so a client that shows
 * each encoded-word apart (or refuses a character cut in two) still shows every word whole. Pure.
 */
/** A mailbox: a display name (none for a bare address) and the address. */
export interface Address {
  name: string | null;
  address: string;
}

/** An encoded-word may be 75 characters long (RFC 2047 §2). */
const MAX_WORD = 75;
const PREFIX = '=?UTF-8?Q?';
const SUFFIX = '?=';

/** Q encoding with only the characters RFC 2047 §5(3) allows in a phrase left as they are. */
function q(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (c === ' ') out += '_';
    else if (/[A-Za-z0-9!*+\-/]/.test(c)) out += c;
    else out += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function encodedLength(text: string): number {
  return PREFIX.length + q(text).length + SUFFIX.length;
}

function encode(text: string): string {
  return `${PREFIX}${q(text)}${SUFFIX}`;
}

/** Pieces of at most one encoded-word each, cut after a space (or, for one overlong word, between characters). */
function pieces(name: string): string[] {
  const words = name.split(/(?<= )/);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (encodedLength(current + word) <= MAX_WORD) {
      current += word;
      continue;
    }
    if (current) out.push(current);
    current = '';
    for (const ch of word) {
      if (encodedLength(current + ch) > MAX_WORD) {
        out.push(current);
        current = '';
      }
      current += ch;
    }
  }
  if (current) out.push(current);
  return out;
}

/** The display name as a header phrase: plain ASCII as it is (quoted when needed), anything else encoded. */
export function displayNameHeader(name: string): string {
  if (/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*$/.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/([\\"])/g, '\\$1')}"`;
  return pieces(name).map(encode).join('\r\n ');
}

/** Unstructured text (the subject): ASCII as it is, anything else in encoded-words cut between words. */
export function textHeader(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return /^[\x20-\x7e]*$/.test(line) && !/=\?/.test(line) ? line : pieces(line).map(encode).join('\r\n ');
}

export function addressHeader(addresses: Address[]): string {
  return addresses
    .map((a) => {
      const name = a.name?.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
      return name ? `${displayNameHeader(name)} <${a.address}>` : a.address;
    })
    .join(',\r\n ');
}
