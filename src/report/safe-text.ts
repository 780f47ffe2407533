/** Text from the database made safe to print, for tables and plain lines alike. */

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Drops control characters and terminal escape sequences from stored text before printing. */
export function safe(text: string | null | undefined): string {
  if (text == null) return '';
  // Nearly all text is clean: one test spares two replacements on every line of a long list.
  if (!CONTROL.test(text)) return text;
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
