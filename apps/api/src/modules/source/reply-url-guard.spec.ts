import { describe, expect, it } from 'vitest';
import { isPrivateAddress, isPrivateUrl, memoisedLookup } from './reply-url-guard.js';

// Hostnames resolve through this stub: no DNS query leaves the machine.
const resolveTo = (addresses: string[]) => () => Promise.resolve(addresses);
const unresolvable = () => Promise.reject(new Error('getaddrinfo ENOTFOUND'));

describe('isPrivateUrl', () => {
  it.each([
    'http://127.0.0.1:8080/replies',
    'http://127.1.2.3/',
    'http://10.0.0.5/hook',
    'http://172.16.0.1/',
    'http://172.31.255.254/',
    'http://192.168.1.20/',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0/',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://[fd12:3456:789a::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:10.1.2.3]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://localhost:3000/',
    'http://LOCALHOST./x',
    'http://api.localhost/',
    // Legacy IPv4 spellings normalised by the URL parser.
    'http://2130706433/',
    'http://0x7f.1/',
    'not a url',
  ])('refuses %s', async (url) => {
    expect(await isPrivateUrl(url, unresolvable)).toBe(true);
  });

  it.each([
    'https://93.184.215.14/replies',
    'http://8.8.8.8/',
    'http://172.32.0.1/',
    'http://192.169.0.1/',
    'https://[2606:4700:4700::1111]/hook',
    'http://[::ffff:8.8.8.8]/',
  ])('allows the public address %s', async (url) => {
    expect(await isPrivateUrl(url, unresolvable)).toBe(false);
  });

  it('resolves names: private when any address is private, public when all are public', async () => {
    expect(await isPrivateUrl('https://partner.example/hook', resolveTo(['93.184.215.14']))).toBe(false);
    expect(await isPrivateUrl('https://partner.example/hook', resolveTo(['93.184.215.14', '10.0.0.7']))).toBe(true);
    expect(await isPrivateUrl('https://partner.example/hook', resolveTo(['2606:4700::1', 'fd00::2']))).toBe(true);
  });

  it('refuses a name that does not resolve', async () => {
    expect(await isPrivateUrl('https://nowhere.invalid/hook', unresolvable)).toBe(true);
    expect(await isPrivateUrl('https://nowhere.invalid/hook', resolveTo([]))).toBe(true);
  });

  it('uses the system resolver by default (localhost is refused before any lookup)', async () => {
    expect(await isPrivateUrl('http://localhost/')).toBe(true);
    expect(await isPrivateUrl('http://127.0.0.1/')).toBe(true);
  });
});

describe('isPrivateAddress', () => {
  it('reads IPv6 forms with embedded IPv4 and zone ids', () => {
    expect(isPrivateAddress('::ffff:192.168.0.1')).toBe(true);
    expect(isPrivateAddress('64:ff9b::10.0.0.1')).toBe(true);
    expect(isPrivateAddress('64:ff9b::8.8.8.8')).toBe(false);
    expect(isPrivateAddress('fe80::1%eth0')).toBe(true);
    expect(isPrivateAddress('2001:4860:4860::8888')).toBe(false);
    expect(isPrivateAddress('garbage')).toBe(true);
  });
});

describe('memoisedLookup', () => {
  it('resolves each name once', async () => {
    let calls = 0;
    const resolve = memoisedLookup(() => {
      calls++;
      return Promise.resolve(['93.184.215.14']);
    });
    expect(await isPrivateUrl('https://hooks.example.com/a', resolve)).toBe(false);
    expect(await isPrivateUrl('https://hooks.example.com/b', resolve)).toBe(false);
    expect(calls).toBe(1);
  });
});
