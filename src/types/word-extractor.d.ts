// The parts of word-extractor (no types of its own) that src/import/doc-reader.ts uses: the
// OLE extractor is extended there to keep table cells and footnote starts apart.
declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
  }
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type BufferReader from 'word-extractor/lib/buffer-reader.js';

  export interface Piece {
    text: string;
    startFilePos: number;
    size: number;
    bpc: number;
  }

  export interface ExtractedDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
    getFootnotes(options?: { filterUnicode?: boolean }): string;
    getEndnotes(options?: { filterUnicode?: boolean }): string;
  }

  export default class WordOleExtractor {
    protected _pieces: Piece[];
    extract(reader: BufferReader): Promise<ExtractedDocument>;
    protected extractWordDocument(document: unknown, buffer: Buffer): Promise<ExtractedDocument>;
    protected writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
    protected buildDocument(): ExtractedDocument;
  }
}
