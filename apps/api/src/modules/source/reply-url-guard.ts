import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * A `replyWebhookUrl` arrives inside a webhook payload, so anyone holding the secret could aim our replies at
 * the internal network (SSRF). SPEC §4: refuse loopback and private targets unless the source allows them.
 * Residual risk: a name re-resolved by fetch after this check (DNS rebinding) — the caller also refuses
 * redirects, which closes the easier hop.
 */

type Lookup = (hostname: string) => Promise<string[]>;

const systemLookup: Lookup = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** A lookup that resolves each name once: a webhook batch often carries one reply host for all its items. */
export function memoisedLookup(resolve: Lookup = systemLookup): Lookup {
  const seen = new Map<string, Promise<string[]>>();
  return (hostname) => {
    let pending = seen.get(hostname);
    if (!pending) {
      pending = resolve(hostname);
      seen.set(hostname, pending);
    }
    return pending;
  };
}

/**
 * True when the URL's host is, or resolves to, a loopback, private, link-local, unique-local or otherwise
 * non-public address. Unparseable URLs and names that do not resolve count as private (refuse).
 */
export async function isPrivateUrl(url: string, resolve: Lookup = systemLookup): Promise<boolean> {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return true;
  }
  host = host.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === '') return true;
  if (isIP(host)) return isPrivateAddress(host);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  try {
    const addresses = await resolve(host);
    return addresses.length === 0 || addresses.some(isPrivateAddress);
  } catch {
    return true;
  }
}

/** For an IP literal (v4 or v6): is it outside the public unicast space? Anything unparseable is private. */
export function isPrivateAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return isPrivateIPv4(v4);
  const v6 = parseIPv6(address);
  return v6 ? isPrivateIPv6(v6) : true;
}

function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function isPrivateIPv4([a = 0, b = 0, c = 0]: number[]): boolean {
  return (
    a === 0 || // "this network", 0.0.0.0
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** Eight 16-bit groups, or null. Handles `::` and a trailing dotted quad; drops a zone id. */
function parseIPv6(input: string): number[] | null {
  let s = (input.split('%')[0] ?? '').toLowerCase();
  let tail: number[] = [];
  const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (dotted) {
    const v4 = parseIPv4(dotted[2] ?? '');
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    tail = [(a << 8) | b, (c << 8) | d];
    const prefix = dotted[1] ?? '';
    s = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const toGroups = (part: string) =>
    part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const head = toGroups(halves[0] ?? '');
  const rest = toGroups(halves[1] ?? '');
  if ([...head, ...rest].some(Number.isNaN)) return null;
  const wanted = 8 - tail.length;
  let groups: number[];
  if (halves.length === 2) {
    const fill = wanted - head.length - rest.length;
    if (fill < 1) return null;
    groups = [...head, ...new Array<number>(fill).fill(0), ...rest];
  } else {
    if (head.length !== wanted) return null;
    groups = head;
  }
  return [...groups, ...tail];
}

function isPrivateIPv6(g: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedV4 = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroPrefix && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return true; // :: and ::1
  if (zeroPrefix && g5 === 0xffff) return isPrivateIPv4(embeddedV4); // IPv4-mapped ::ffff:a.b.c.d
  if (zeroPrefix && g5 === 0) return isPrivateIPv4(embeddedV4); // deprecated IPv4-compatible ::a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return isPrivateIPv4(embeddedV4); // NAT64
  return (
    (g0 & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (g0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (g0 & 0xffc0) === 0xfec0 || // deprecated site-local
    (g0 & 0xff00) === 0xff00 || // multicast
    (g0 === 0x2001 && g1 === 0x0db8) // documentation
  );
}
