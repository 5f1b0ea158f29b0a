// What must never be in exported HTML (the HTML export itself, or Markdown rendered by a note
// app): anything that runs script, loads from the network or navigates by itself.
import { parseHTML } from 'linkedom';

/** `localImages`: the Markdown notes' own attachments (attachments/<hash>.<ext>) are allowed. */
export function unsafeMarkup(html: string, options: { localImages?: boolean } = {}): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const el of [...document.querySelectorAll('*')]) {
    const tag = el.localName;
    if (['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'form', 'svg', 'math', 'link', 'video', 'audio', 'source'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push('<meta refresh>');
    for (const a of [...el.attributes]) {
      if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
      if (/^(?:href|src|action|formaction|xlink:href|srcset|poster|background)$/i.test(a.name)) {
        const v = a.value.replace(/[\u0000-\u0020]+/g, '');
        if (/^(?:javascript|vbscript|data:text|data:application)/i.test(v)) found.push(`${tag}[${a.name}=${v.slice(0, 30)}]`);
        const local = options.localImages && /^attachments\/[0-9a-f]{32}\.(?:png|jpg|gif|webp|avif)$/.test(v);
        if (a.name !== 'href' && !/^data:image\//i.test(v) && !local) found.push(`${tag}[${a.name}] loads ${v.slice(0, 60)}`);
      }
      if (a.name === 'style' && /url\(|expression\(/i.test(a.value)) found.push(`${tag}[style=${a.value.slice(0, 40)}]`);
    }
  }
  return found;
}
