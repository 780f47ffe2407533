/** Text from the database made safe to print, for tables and plain lines alike. */

/** Drops control characters and terminal escape sequences from stored text before printing. */
export function safe(text: string | null | undefined): string {
  return (text ?? '').replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
