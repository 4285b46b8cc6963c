import type { NextFunction, Request, Response } from 'express';

// Mentions are untrusted text: the web app renders them as text, and this policy is the second line of defence
// (no inline or foreign script, no framing). Swagger UI needs inline styles and scripts, so /api/docs gets none.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self' ws: wss:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (!req.path.startsWith('/api/docs')) res.setHeader('Content-Security-Policy', CSP);
    next();
  };
}
