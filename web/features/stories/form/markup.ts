/**
 * The story text is edited as light markup (## subheading, **bold**, *italic*, - lists, 1. lists,
 * > quotes, [links](https://…), ![images](https://…)) and stored as the small HTML subset the server
 * keeps. Markup → blocks → HTML string (to save) or React (preview); HTML → markup to edit again.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'image'; src: string; alt: string }
  | { type: 'br' };

export type Block =
  | { type: 'h2' | 'h3' | 'p' | 'quote'; content: Inline[] }
  | { type: 'ul' | 'ol'; items: Inline[][] };

const isSafeUrl = (url: string) => /^(https?:\/\/|mailto:)/i.test(url);
const isSafeImage = (url: string) => /^(https?:\/\/|\/api\/)/i.test(url);

const inlinePattern =
  /\\([\\*_[\]()#>`!-])|!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|\n/g;

export function parseInline(source: string): Inline[] {
  const nodes: Inline[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const previous = nodes[nodes.length - 1];
    if (previous?.type === 'text') previous.text += text;
    else nodes.push({ type: 'text', text });
  };
  for (const match of source.matchAll(inlinePattern)) {
    const index = match.index ?? 0;
    pushText(source.slice(last, index));
    last = index + match[0].length;
    const [whole, escaped, alt, src, label, href, strong, em] = match;
    if (escaped !== undefined) pushText(escaped);
    else if (src !== undefined) {
      if (isSafeImage(src)) nodes.push({ type: 'image', src, alt: alt ?? '' });
      else pushText(whole);
    } else if (href !== undefined) {
      if (isSafeUrl(href)) nodes.push({ type: 'link', href, children: parseInline(label ?? '') });
      else pushText(whole);
    } else if (strong !== undefined) nodes.push({ type: 'strong', children: parseInline(strong) });
    else if (em !== undefined) nodes.push({ type: 'em', children: parseInline(em) });
    else nodes.push({ type: 'br' });
  }
  pushText(source.slice(last));
  return nodes;
}

const bullet = /^\s*[-*•]\s+/;
const numbered = /^\s*\d+[.)]\s+/;

export function parseMarkup(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let quote: string[] = [];
  let list: { type: 'ul' | 'ol'; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'p', content: parseInline(paragraph.join('\n')) });
    if (quote.length) blocks.push({ type: 'quote', content: parseInline(quote.join('\n')) });
    if (list) blocks.push({ type: list.type, items: list.items.map((item) => parseInline(item)) });
    paragraph = [];
    quote = [];
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flush();
      continue;
    }
    const heading = /^(#{2,4})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: heading[1] === '##' ? 'h2' : 'h3', content: parseInline(heading[2] ?? '') });
      continue;
    }
    if (line.startsWith('>')) {
      if (paragraph.length || list) flush();
      quote.push(line.replace(/^>\s?/, ''));
      continue;
    }
    const listType = bullet.test(line) ? 'ul' : numbered.test(line) ? 'ol' : null;
    if (listType) {
      if (paragraph.length || quote.length || (list && list.type !== listType)) flush();
      list ??= { type: listType, items: [] };
      list.items.push(line.replace(listType === 'ul' ? bullet : numbered, ''));
      continue;
    }
    if (list && /^\s{2,}/.test(raw)) {
      // An indented line continues the list item above.
      const items = list.items;
      items[items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (quote.length || list) flush();
    paragraph.push(line);
  }
  flush();
  return blocks;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeHtml(node.text);
        case 'br':
          return '<br>';
        case 'strong':
          return `<strong>${inlineHtml(node.children)}</strong>`;
        case 'em':
          return `<em>${inlineHtml(node.children)}</em>`;
        case 'link':
          return `<a href="${escapeHtml(node.href)}">${inlineHtml(node.children)}</a>`;
        case 'image':
          return `<img src="${escapeHtml(node.src)}" alt="${escapeHtml(node.alt)}">`;
      }
      return '';
    })
    .join('');
}

export function blocksToHtml(blocks: Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'h2':
        case 'h3':
        case 'p':
          return `<${block.type}>${inlineHtml(block.content)}</${block.type}>`;
        case 'quote':
          return `<blockquote><p>${inlineHtml(block.content)}</p></blockquote>`;
        case 'ul':
        case 'ol':
          return `<${block.type}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${block.type}>`;
      }
      return '';
    })
    .join('');
}

export const markupToHtml = (source: string) => blocksToHtml(parseMarkup(source));

/** Characters that would otherwise read as markup. */
const escapeMarkup = (text: string) => text.replace(/([\\*[\]])/g, '\\$1');

function inlineMarkup(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return escapeMarkup((node.textContent ?? '').replace(/\s+/g, ' '));
  if (!(node instanceof Element)) return '';
  const children = () => [...node.childNodes].map(inlineMarkup).join('');
  switch (node.tagName.toLowerCase()) {
    case 'br':
      return '\n';
    case 'strong':
    case 'b': {
      const inner = children().trim();
      return inner ? `**${inner}**` : '';
    }
    case 'em':
    case 'i': {
      const inner = children().trim();
      return inner ? `*${inner}*` : '';
    }
    case 'a': {
      const href = node.getAttribute('href') ?? '';
      const inner = children().trim();
      return isSafeUrl(href) ? `[${inner || href}](${href})` : inner;
    }
    case 'img': {
      const src = node.getAttribute('src') ?? '';
      return isSafeImage(src) ? `![${node.getAttribute('alt') ?? ''}](${src})` : '';
    }
    default:
      return children();
  }
}

function blockMarkup(element: Element): string[] {
  const tag = element.tagName.toLowerCase();
  const inline = () => inlineMarkup(element).trim();
  switch (tag) {
    case 'h2':
      return [`## ${inline()}`];
    case 'h3':
    case 'h4':
      return [`### ${inline()}`];
    case 'ul':
    case 'ol':
      return [
        [...element.children]
          .filter((child) => child.tagName.toLowerCase() === 'li')
          .map(
            (item, index) =>
              `${tag === 'ul' ? '-' : `${index + 1}.`} ${inlineMarkup(item).trim().replace(/\n/g, ' ')}`,
          )
          .join('\n'),
      ];
    case 'blockquote':
      return [
        childBlocks(element)
          .join('\n\n')
          .split('\n')
          .map((line) => `> ${line}`.trimEnd())
          .join('\n'),
      ];
    case 'figure':
    case 'div':
    case 'section':
      return childBlocks(element);
    case 'hr':
      return [];
    default: {
      const text = inline();
      return text ? [text] : [];
    }
  }
}

function childBlocks(parent: Element): string[] {
  const blocks: string[] = [];
  let loose = '';
  const flushLoose = () => {
    if (loose.trim()) blocks.push(loose.trim());
    loose = '';
  };
  for (const node of parent.childNodes) {
    const isBlock =
      node instanceof Element &&
      /^(p|h[2-6]|ul|ol|blockquote|figure|figcaption|div|section|pre|hr)$/i.test(node.tagName);
    if (isBlock) {
      flushLoose();
      blocks.push(...blockMarkup(node as Element));
    } else loose += inlineMarkup(node);
  }
  flushLoose();
  return blocks;
}

export function htmlToMarkup(html: string): string {
  if (!html.trim()) return '';
  const document = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return childBlocks(document.body).join('\n\n');
}
