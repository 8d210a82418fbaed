import { Type } from '@fastify/type-provider-typebox';
import type { Selectable } from 'kysely';
import type { StoryAttachmentTable } from '../../db/schema.ts';
import { Abilities } from '../../lib/schemas.ts';

export type Attachment = Selectable<StoryAttachmentTable>;

export const AttachmentSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('document')]),
  originalName: Type.String(),
  mimeType: Type.String(),
  byteSize: Type.Integer(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  caption: Type.String(),
  credit: Type.String(),
  licence: Type.String(),
  showsPeople: Type.Boolean(),
  hasConsent: Type.Boolean(),
  position: Type.Integer(),
  createdAt: Type.String(),
  urls: Type.Object({ file: Type.String(), thumb: Type.Union([Type.String(), Type.Null()]) }),
  abilities: Abilities,
});

export function attachmentUrl(attachment: Pick<Attachment, 'id' | 'story_id'>, variant: 'file' | 'thumb') {
  return `/api/stories/${attachment.story_id}/attachments/${attachment.id}/${variant}`;
}

export function presentAttachment(attachment: Attachment, abilities: { update: boolean; delete: boolean }) {
  return {
    id: attachment.id,
    kind: attachment.kind,
    originalName: attachment.original_name,
    mimeType: attachment.mime_type,
    byteSize: Number(attachment.byte_size),
    width: attachment.width === null ? null : Number(attachment.width),
    height: attachment.height === null ? null : Number(attachment.height),
    caption: attachment.caption,
    credit: attachment.credit,
    licence: attachment.licence,
    showsPeople: attachment.shows_people,
    hasConsent: attachment.has_consent,
    position: Number(attachment.position),
    createdAt: attachment.created_at,
    urls: {
      file: attachmentUrl(attachment, 'file'),
      thumb: attachment.thumb_path ? attachmentUrl(attachment, 'thumb') : null,
    },
    abilities,
  };
}
