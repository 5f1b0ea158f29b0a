// The Content-Disposition of a download (RFC 6266): `filename*` carries the real name in
// UTF-8 (RFC 8187), and `filename` an ASCII stand-in for clients that do not read `filename*`.

/** RFC 8187 attr-char: everything else is percent-encoded (encodeURIComponent leaves ' ( ) * ! alone). */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Printable ASCII only, and nothing a quoted-string or a percent-decoding client would misread. */
function asciiFallback(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/** `name` is already a safe file name (nameWithExtension): this only encodes it. */
export function attachmentDisposition(name: string): string {
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
