/** Lower-case and strip accents, for search that ignores both on every dialect. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Escapes a user string for use inside a SQL LIKE pattern with ESCAPE '\'. */
export function likePattern(value: string): string {
  return `%${foldText(value).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
