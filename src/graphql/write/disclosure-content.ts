/**
 * The document of an importDisclosure request: its text as given, or its file's bytes (base64
 * `content`, a PDF or a text) read as the CLI reads a file (src/app/disclosure-source.ts). Bounded
 * and checked before anything is read: every refusal is BAD_USER_INPUT naming the field and why.
 */
import { disclosureSource, type DisclosureSource } from '../../app/disclosure-source';
import { BadInputError } from '../../domain/errors';
import { isPdf } from '../../interchange/pdf';
import type { ImportDisclosureInput } from './import-disclosure.input';

/** Decoded bytes a request may carry: base64 of this fits the 1 MB request body. */
export const MAX_CONTENT_BYTES = 700 * 1024;
const MEDIA_TYPES = ['application/pdf', 'text/plain'] as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const refuse = (field: string, reason: string, message: string, more = {}) =>
  new BadInputError(message, { field: `input.${field}`, reason, ...more });

export async function disclosureOfInput(input: ImportDisclosureInput): Promise<DisclosureSource> {
  const hasText = input.text !== null && input.text !== undefined;
  const hasContent = input.content !== null && input.content !== undefined;
  if (hasText === hasContent)
    throw refuse('content', 'text-or-content', 'give exactly one of text and content');
  if (hasText) {
    if (input.mediaType) throw refuse('mediaType', 'text', 'mediaType goes with content, not text');
    return disclosureSource(Buffer.from(input.text!, 'utf8'), input.fileName);
  }
  const media = input.mediaType ?? null;
  if (media !== null && !(MEDIA_TYPES as readonly string[]).includes(media))
    throw refuse('mediaType', 'media-type', `mediaType must be ${MEDIA_TYPES.join(' or ')}`);
  const b64 = input.content!.replace(/\s+/g, '');
  if (b64.length % 4 !== 0 || !BASE64.test(b64))
    throw refuse('content', 'base64', 'content is not base64 (RFC 4648)');
  if ((b64.length / 4) * 3 > MAX_CONTENT_BYTES + 2)
    throw refuse('content', 'too-large', `content is larger than ${MAX_CONTENT_BYTES} bytes`, {
      limit: MAX_CONTENT_BYTES,
    });
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw refuse('content', 'empty', 'content is empty');
  if (media === 'application/pdf' && !isPdf(bytes))
    throw refuse('content', 'not-a-pdf', 'content is not a PDF (no %PDF- header)');
  if (media === 'text/plain' && isPdf(bytes))
    throw refuse('content', 'not-text', 'content is a PDF; its mediaType is application/pdf');
  try {
    return await disclosureSource(bytes, input.fileName);
  } catch (err) {
    throw refuse('content', 'unreadable-pdf', `the PDF cannot be read: ${(err as Error).message}`);
  }
}
