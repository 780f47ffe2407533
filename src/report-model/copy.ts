/** The row counts of `tasks db copy`, one table's rows counted on both sides of a copy. */
export interface TableCount {
  table: string;
  source: number;
  target: number;
}
