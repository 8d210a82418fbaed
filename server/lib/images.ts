import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { HttpError } from './errors.ts';

export const imageLimits = { maxBytes: 8 * 1024 * 1024, maxPixels: 40_000_000 } as const;
const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

const refuse = (message: string) =>
  new HttpError(400, 'invalid_file', message, { fields: { file: message } });

/**
 * Checks an uploaded image by its content (never its name or declared type), then re-encodes it
 * as WebP within `size`×`size`: the re-encoding drops every metadata block (EXIF, GPS, XMP).
 */
export async function normaliseImage(buffer: Buffer, size: number): Promise<Buffer> {
  if (buffer.length === 0) throw refuse('The file is empty');
  let format: string | undefined;
  try {
    ({ format } = await sharp(buffer, { limitInputPixels: imageLimits.maxPixels }).metadata());
  } catch {
    throw refuse('This file is not an image we can read (JPEG, PNG, WebP, GIF, AVIF)');
  }
  if (!format || !acceptedFormats.has(format)) {
    throw refuse(
      format === 'svg'
        ? 'SVG images are not accepted: use PNG or JPEG'
        : 'Use a JPEG, PNG, WebP, GIF or AVIF image',
    );
  }
  try {
    return await sharp(buffer, { limitInputPixels: imageLimits.maxPixels, animated: false })
      .rotate()
      .resize(size, size, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw refuse('This image is damaged and cannot be read');
  }
}

/** Writes a file atomically (temp file + rename), so a crash never leaves half an image. */
export async function writeFileAtomic(file: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(temp, data);
  await fs.rename(temp, file);
}
