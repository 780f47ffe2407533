/**
 * Spreadsheet formula injection: a text cell that begins with = + - @ (or a tab or carriage
 * return that Excel strips first) is run as a formula when the file is opened. A leading
 * apostrophe makes Excel and LibreOffice show it as text. Numbers and dates are never touched.
 */
export function neutraliseFormula(text: string): string {
  // A text that itself begins with apostrophes before such a sign gets one more, so that
  // import-sheet, which takes one off, gives back exactly the text ("'=x" stays "'=x").
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: formula-like text neutralised, then quoted when it holds a quote, comma, semicolon or line break. */
export function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
