/** Sane sizes, written in the README: past them the input is refused, not stored. */
export const MAX_UNIT_NAME = 200;
export const MAX_CELL = 10_000;
