import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import { htmlToPlainText } from '../../lib/html.ts';

/**
 * The PDF version of a press release (pdf-lib, pure JavaScript): A4, the institute's name, the
 * embargo line, title, summary, text, contacts; new pages as the text needs. The standard
 * Helvetica fonts speak WinAnsi: characters outside it (rare in French) become '?'.
 */
export type PressPdfInput = {
  institute: string;
  title: string;
  summary: string;
  bodyHtml: string;
  contacts: string;
  embargoNotice: string | null;
  date: string;
};

const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Keeps what WinAnsi can encode; typographic spaces become plain ones. */
function encodable(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\t/g, '    ')
    .replace(/[^\n\x20-\x7e\xa0-\xff]/g, (char) => (winAnsiExtras.has(char) ? char : '?'));
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/ +/).filter(Boolean);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      // A word longer than the line (a URL) is cut.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

export async function renderPressPdf(input: PressPdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(encodable(input.title));
  pdf.setAuthor(encodable(input.institute));
  pdf.setSubject('Communiqué de presse');
  pdf.setProducer('Relais');
  pdf.setCreator('Relais');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [pageWidth, pageHeight] = [595.28, 841.89];
  const margin = 56;
  const width = pageWidth - 2 * margin;
  let page = pdf.addPage([pageWidth, pageHeight]);
  let y = pageHeight - margin;
  const ink = rgb(0.12, 0.16, 0.2);
  const muted = rgb(0.32, 0.38, 0.43);
  const blue = rgb(0.11, 0.31, 0.61);
  const red = rgb(0.71, 0.14, 0.09);

  const newPageIfNeeded = (height: number) => {
    if (y - height >= margin) return;
    page = pdf.addPage([pageWidth, pageHeight]);
    y = pageHeight - margin;
  };
  const write = (
    text: string,
    options: {
      font?: PDFFont;
      size?: number;
      color?: ReturnType<typeof rgb>;
      gap?: number;
      leading?: number;
    },
  ) => {
    const font = options.font ?? regular;
    const size = options.size ?? 11;
    const leading = options.leading ?? size * 1.45;
    for (const line of wrap(encodable(text), font, size, width)) {
      newPageIfNeeded(leading);
      y -= leading;
      if (line) page.drawText(line, { x: margin, y, size, font, color: options.color ?? ink });
    }
    y -= options.gap ?? 0;
  };

  write(input.institute.toUpperCase(), { font: bold, size: 10, color: blue });
  write(`Communiqué de presse · ${input.date}`, { size: 10, color: muted, gap: 6 });
  page.drawLine({
    start: { x: margin, y },
    end: { x: pageWidth - margin, y },
    thickness: 1.5,
    color: blue,
  });
  y -= 12;
  if (input.embargoNotice) {
    write(input.embargoNotice, { font: bold, size: 12, color: red, gap: 10 });
  }
  write(input.title, { font: bold, size: 20, leading: 25, gap: 10 });
  write(input.summary, { font: bold, size: 12, color: rgb(0.2, 0.25, 0.3), gap: 10 });
  for (const paragraph of htmlToPlainText(input.bodyHtml).split('\n')) {
    write(paragraph, { size: 11, gap: 6 });
  }
  if (input.contacts.trim()) {
    y -= 8;
    write('Contacts', { font: bold, size: 12, color: blue, gap: 2 });
    write(input.contacts.trim(), { size: 10.5 });
  }
  const pages = pdf.getPages();
  pages.forEach((each, index) => {
    each.drawText(encodable(`${input.institute} · ${index + 1}/${pages.length}`), {
      x: margin,
      y: margin / 2,
      size: 8,
      font: regular,
      color: muted,
    });
  });
  return pdf.save();
}
