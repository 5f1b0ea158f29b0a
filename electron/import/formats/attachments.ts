// Images that travel with a saved page. Only raster images whose bytes really are the
// image they claim to be are kept: an SVG can carry script, and a broken picture is
// dropped with a warning instead of failing the article.
import type { Attachment } from '../types.ts';
import { startsWithBytes } from './bytes.ts';
import type { Limits } from './limits.ts';

const IMAGE_SIGNATURES: Record<string, number[][]> = {
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/gif': [[0x47, 0x49, 0x46, 0x38]],
  'image/webp': [[0x52, 0x49, 0x46, 0x46]],
  'image/avif': [],
  'image/bmp': [[0x42, 0x4d]],
  'image/x-icon': [[0x00, 0x00, 0x01, 0x00]],
  'image/vnd.microsoft.icon': [[0x00, 0x00, 0x01, 0x00]],
};

export class AttachmentCollector {
  readonly items: Attachment[] = [];
  private total = 0;
  private dropped = 0;

  constructor(private readonly limits: Limits, private readonly warnings: string[]) {}

  add(ref: string | null, mime: string, bytes: Uint8Array): void {
    if (!ref) return;
    const sigs = IMAGE_SIGNATURES[mime];
    if (!sigs) return; // not a raster image we keep (SVG, CSS, scripts, frames)
    if (sigs.length && !sigs.some((s) => startsWithBytes(bytes, s))) {
      this.warnings.push(`an image of the page is damaged and was left out (${mime})`);
      return;
    }
    if (this.items.length >= this.limits.maxAttachments || this.total + bytes.length > this.limits.maxAttachmentBytes) {
      this.dropped++;
      return;
    }
    this.total += bytes.length;
    this.items.push({ ref: ref.slice(0, 4096), mime, bytes });
  }

  finish(): Attachment[] {
    if (this.dropped) this.warnings.push(`${this.dropped} images left out (too many or too large)`);
    return this.items;
  }
}
