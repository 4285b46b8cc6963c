import { Parser } from 'htmlparser2';

/**
 * Platform HTML is untrusted (SPEC §4): `htmlToText` gives the plain `text` every mention has, and
 * `sanitizeHtml` keeps a small allow-list (paragraphs, breaks, links with http(s) hrefs, emphasis, lists,
 * quotes, code), escaping everything else. Mastodon's link-shortening spans (`invisible`/`ellipsis`) are
 * honoured so the text shows the whole link once.
 */

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'ul',
  'ol',
]);
const DROP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'head', 'title']);
const ALLOWED = new Set([
  'p',
  'br',
  'a',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
]);
const VOID = new Set([
  'br',
  'img',
  'hr',
  'input',
  'meta',
  'link',
  'source',
  'wbr',
  'area',
  'base',
  'col',
  'embed',
  'param',
  'track',
]);

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function htmlToText(html: string): string {
  let out = '';
  let drop = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROP.has(name)) drop++;
        else if (drop === 0 && BLOCK.has(name)) out += '\n';
      },
      ontext(text) {
        if (drop === 0) out += text;
      },
      onclosetag(name, implied) {
        if (DROP.has(name)) drop = Math.max(0, drop - 1);
        else if (drop === 0 && BLOCK.has(name) && name !== 'br' && !implied) out += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return normaliseText(out);
}

/** Collapses runs of spaces, keeps at most one blank line, trims. */
export function normaliseText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function sanitizeHtml(html: string): string {
  let out = '';
  let drop = 0;
  const open: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (DROP.has(name)) {
          drop++;
          return;
        }
        if (drop > 0 || !ALLOWED.has(name)) return;
        if (name === 'a') {
          const href = safeHref(attrs.href);
          out += href ? `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer" target="_blank">` : '<a>';
        } else if (name === 'span') {
          // Mastodon marks the hidden part of long links; keep only that class.
          const cls = (attrs.class ?? '').split(/\s+/).filter((c) => c === 'invisible' || c === 'ellipsis');
          out += cls.length ? `<span class="${cls.join(' ')}">` : '<span>';
        } else out += `<${name}>`;
        if (!VOID.has(name)) open.push(name);
      },
      ontext(text) {
        if (drop === 0) out += escapeHtml(text);
      },
      onclosetag(name) {
        if (DROP.has(name)) {
          drop = Math.max(0, drop - 1);
          return;
        }
        if (drop > 0 || !ALLOWED.has(name) || VOID.has(name)) return;
        const at = open.lastIndexOf(name);
        if (at === -1) return;
        while (open.length > at) out += `</${open.pop()!}>`;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  while (open.length) out += `</${open.pop()!}>`;
  return out.trim();
}

/** True when a string looks like HTML markup rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][\s\S]*?>/i.test(s) || /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s);
}
