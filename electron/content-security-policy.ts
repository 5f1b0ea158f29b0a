// The renderer's Content-Security-Policy, one definition for both ways it is served: the
// desktop shell's app:// scheme and browser mode's HTTP server. A module of its own so the
// shell does not pull the HTTP server into the main process.

/** The page's own rules: nothing from outside, no plugins, no framing by other sites. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self'", "frame-src 'self' blob: data:", "object-src 'none'", "base-uri 'none'",
  "form-action 'none'", "frame-ancestors 'none'",
].join('; ');
