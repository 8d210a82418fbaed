import { foldText } from '../../lib/text.ts';

/** Excerpt highlight markers: control characters, so no text can forge them; the web turns them into <mark>. */
export const markStart = '\u0002';
export const markEnd = '\u0003';

/** FTS5's unicode61 tokens: runs of letters and digits (with their combining marks). */
const tokenPattern = /[\p{L}\p{N}\p{M}]+/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the markers, which no stored text may forge
const markers = /[\u0002\u0003]/g;

type Token = { start: number; end: number; phrases: number[] };
type Column = { text: string; tokens: Token[]; sentenceStarts: number[] };

/**
 * The excerpt of a search hit, as FTS5's `snippet(stories_fts, -1, start, end, '…', size)` makes
 * it (same column choice, window and scores), but computed in the process for the rows of a page
 * only, instead of by SQLite for every match. A token matches a query word when it starts with it,
 * ignoring case and accents (the `"word"*` of toFtsQuery under `remove_diacritics 2`).
 */
export function makeExcerpt(texts: readonly string[], words: readonly string[], size = 16): string {
  const columns = texts.map((text) => tokenize(text.replace(markers, ' '), words));
  let best = { score: 0, column: 0, start: 0 };
  columns.forEach((column, index) => {
    const { tokens, sentenceStarts } = column;
    tokens.forEach((token, position) => {
      for (const _phrase of token.phrases) {
        const window = scoreWindow(tokens, words.length, position, size);
        if (window.score > best.score) best = { score: window.score, column: index, start: window.start };
        if (!sentenceStarts.length || tokens.length <= size) continue;
        // A window that starts the sentence holding the match scores a little more.
        let sentence = 0;
        while (sentence < sentenceStarts.length - 1 && sentenceStarts[sentence + 1]! <= position) sentence++;
        const start = sentenceStarts[sentence]!;
        if (start >= position) continue;
        const score = scoreWindow(tokens, words.length, start, size).score + (start === 0 ? 120 : 100);
        if (score > best.score) best = { score, column: index, start };
      }
    });
  });
  const column = columns[best.column];
  if (!column?.tokens.length) return column?.text ?? '';
  return render(column, best.start, size);
}

function tokenize(text: string, words: readonly string[]): Column {
  const tokens: Token[] = [];
  const sentenceStarts: number[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const folded = foldText(match[0]);
    const phrases = words.flatMap((word, index) => (folded.startsWith(word) ? [index] : []));
    // A sentence starts at the first token, and after a '.' or ':' followed by white space.
    if (tokens.length === 0 || /[.:][ \t\n\r]+$/.test(text.slice(tokens.at(-1)!.end, match.index))) {
      sentenceStarts.push(tokens.length);
    }
    tokens.push({ start: match.index, end: match.index + match[0].length, phrases });
  }
  return { text, tokens, sentenceStarts };
}

/** 1,000 for each query word seen in the window of `size` tokens from `from`, 1 for each repeat; where to start it so the matches sit in its middle. */
function scoreWindow(tokens: Token[], phraseCount: number, from: number, size: number) {
  const seen = new Array<boolean>(phraseCount).fill(false);
  let score = 0;
  let first = -1;
  let last = 0;
  for (let position = from; position < Math.min(tokens.length, from + size); position++) {
    for (const phrase of tokens[position]!.phrases) {
      score += seen[phrase] ? 1 : 1000;
      seen[phrase] = true;
      if (first < 0) first = position;
      last = position + 1;
    }
  }
  let start = first - Math.trunc((size - (last - first)) / 2);
  if (start + size > tokens.length) start = tokens.length - size;
  return { score, start: Math.max(0, start) };
}

function render({ text, tokens }: Column, start: number, size: number): string {
  const end = Math.min(tokens.length, start + size);
  let excerpt = start > 0 ? '…' : text.slice(0, tokens[0]!.start);
  for (let position = start; position < end; position++) {
    const token = tokens[position]!;
    const word = text.slice(token.start, token.end);
    excerpt += token.phrases.length ? `${markStart}${word}${markEnd}` : word;
    if (position + 1 < end) excerpt += text.slice(token.end, tokens[position + 1]!.start);
  }
  return excerpt + (end < tokens.length ? '…' : text.slice(tokens[end - 1]!.end));
}
