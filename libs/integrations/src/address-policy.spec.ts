import { DomainError, ErrorCode } from '@pilotis/shared';

import { addressAllowed, checkWebhookUrl } from './address-policy';

const PUBLIC = ['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888'];
const PRIVATE = [
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '127.0.0.1',
  '127.1.2.3',
  '::1',
  'fd00::1',
  'fc00::1',
  '100.64.0.1',
  '100.127.255.255',
  '169.254.169.254', // cloud metadata
  'fe80::1',
];
const NEVER = ['0.0.0.0', '0.1.2.3', '::', '255.255.255.255', '224.0.0.1', '239.255.255.250', 'ff02::1', '192.0.2.1', '2001:db8::1'];

describe('addressAllowed', () => {
  it.each(PUBLIC)('allows the public address %s', (address) => {
    expect(addressAllowed(address, false)).toBe(true);
    expect(addressAllowed(address, true)).toBe(true);
  });

  it.each(PRIVATE)('refuses %s unless private targets are allowed', (address) => {
    expect(addressAllowed(address, false)).toBe(false);
    expect(addressAllowed(address, true)).toBe(true);
  });

  it.each(NEVER)('always refuses the unspecified, broadcast, multicast or reserved address %s', (address) => {
    expect(addressAllowed(address, false)).toBe(false);
    expect(addressAllowed(address, true)).toBe(false);
  });

  it('judges an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(addressAllowed('::ffff:127.0.0.1', false)).toBe(false);
    expect(addressAllowed('::ffff:127.0.0.1', true)).toBe(true);
    expect(addressAllowed('::ffff:7f00:1', false)).toBe(false); // the same, in hex
    expect(addressAllowed('::ffff:10.0.0.1', false)).toBe(false);
    expect(addressAllowed('::ffff:169.254.169.254', false)).toBe(false);
    expect(addressAllowed('::ffff:8.8.8.8', false)).toBe(true);
    expect(addressAllowed('::ffff:0.0.0.0', true)).toBe(false);
    expect(addressAllowed('::ffff:224.0.0.1', true)).toBe(false);
  });

  it('refuses what is not an address', () => {
    for (const text of ['', 'not an ip', 'example.com', '256.1.1.1', '1.2.3.4.5', '::g', '8.8.8.8/32', '[::1]']) {
      expect(addressAllowed(text, false)).toBe(false);
      expect(addressAllowed(text, true)).toBe(false);
    }
  });
});

describe('checkWebhookUrl (IP literals: no DNS)', () => {
  const refusal = async (raw: string, allowPrivate: boolean): Promise<DomainError> => {
    const error: unknown = await checkWebhookUrl(raw, allowPrivate).then(
      () => {
        throw new Error(`${raw} was accepted`);
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.ADDRESS_NOT_ALLOWED);
    expect((error as DomainError).code).toBe('ADDRESS_NOT_ALLOWED');
    return error as DomainError;
  };

  it('accepts an https URL to a public address and returns it parsed', async () => {
    const url = await checkWebhookUrl('https://8.8.8.8/x?y=1', false);
    expect(url).toBeInstanceOf(URL);
    expect(url.href).toBe('https://8.8.8.8/x?y=1');
    expect((await checkWebhookUrl('https://[2606:4700:4700::1111]:8443/hook', false)).port).toBe('8443');
  });

  it('requires https unless private targets are allowed', async () => {
    expect((await refusal('http://8.8.8.8/', false)).message).toContain('https');
    expect((await checkWebhookUrl('http://8.8.8.8/', true)).protocol).toBe('http:');
  });

  it('refuses other schemes, credentials and what is not a URL', async () => {
    await refusal('ftp://8.8.8.8/file', false);
    await refusal('ftp://8.8.8.8/file', true);
    await refusal('file:///etc/passwd', true);
    await refusal('https://u:p@8.8.8.8/', false);
    await refusal('https://u@8.8.8.8/', true);
    await refusal('not a url', false);
    await refusal('', true);
  });

  it('refuses private literals unless allowed, and reserved ones always', async () => {
    await refusal('https://[::1]/', false);
    expect((await checkWebhookUrl('https://[::1]/', true)).hostname).toBe('[::1]');
    await refusal('https://169.254.169.254/latest/meta-data/', false);
    await refusal('https://[::ffff:127.0.0.1]/', false);
    await refusal('https://0.0.0.0/', true);
    await refusal('https://[ff02::1]/', true);
  });

  it('sees through the URL parser normalising odd IPv4 spellings', async () => {
    // WHATWG URL turns these into 127.0.0.1 before the policy looks at them.
    await refusal('https://2130706433/', false);
    await refusal('https://0x7f.1/', false);
    await refusal('https://127.1/', false);
  });
});
