/**
 * exceljs 4.4's streaming reader turns each decompressed chunk of a worksheet into text on its
 * own (lib/utils/parse-sax.js), so a Vietnamese letter whose UTF-8 bytes straddle two chunks
 * comes out as "��" — a few cells in every large workbook ("Văn ph��ng Sở"). Before exceljs
 * is first loaded, this puts in its place the same parser with one streaming decoder per XML
 * part, which carries a split character over to the next chunk.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

type Events = { eventType: string; value: unknown }[];

/** Told the length of every chunk of XML parsed, for the progress bar. */
let onParsed: ((bytes: number) => void) | null = null;

export function listenParsed(listener: ((bytes: number) => void) | null): void {
  onParsed = listener;
}

export function patchExcelSax(): void {
  const require = createRequire(import.meta.url);
  const target = require.resolve('exceljs/lib/utils/parse-sax.js');
  if (require.cache[target]?.loaded && (require.cache[target]!.exports as { utf8Safe?: boolean }).utf8Safe) return;
  const { SaxesParser } = require(require.resolve('saxes', { paths: [path.dirname(target)] })) as {
    SaxesParser: new () => { on(event: string, handler: (value: unknown) => void): void; write(text: string): void };
  };
  async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<Events> {
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: unknown = null;
    let events: Events = [];
    parser.on('error', (e) => (error = e));
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      onParsed?.(chunk.length);
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }
  Object.assign(parseSax, { utf8Safe: true });
  const module = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(target);
  module.filename = target;
  module.loaded = true;
  module.exports = parseSax;
  require.cache[target] = module;
}
