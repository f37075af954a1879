import { cleanFileName, detectContentType, DOCX, JPEG, ODS, ODT, PDF, PNG, XLSX } from './document-content';

/** A ZIP local file entry, stored (what detection reads: the name, and for `mimetype` the content). */
function zipEntry(name: string, content: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}

describe('detectContentType', () => {
  it('reads PDF, PNG and JPEG from their first bytes', () => {
    expect(detectContentType(Buffer.from('%PDF-1.7\n…'))).toBe(PDF);
    expect(detectContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(PNG);
    expect(detectContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe(JPEG);
  });

  it('accepts a ZIP only as an office document', () => {
    expect(detectContentType(zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'))).toBe(ODT);
    expect(detectContentType(zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'))).toBe(ODS);
    expect(detectContentType(zipEntry('mimetype', 'application/vnd.oasis.opendocument.text-template'))).toBeNull();
    expect(detectContentType(Buffer.concat([zipEntry('[Content_Types].xml', '<x/>'), zipEntry('word/document.xml', '<w/>')]))).toBe(DOCX);
    expect(detectContentType(Buffer.concat([zipEntry('[Content_Types].xml', '<x/>'), zipEntry('xl/workbook.xml', '<w/>')]))).toBe(XLSX);
    expect(detectContentType(zipEntry('payload.exe', 'MZ'))).toBeNull();
    expect(detectContentType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });

  it('refuses everything else, whatever the name', () => {
    expect(detectContentType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectContentType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectContentType(Buffer.alloc(0))).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps a plain name', () => {
    expect(cleanFileName('Statuts association.pdf', PDF)).toBe('Statuts association.pdf');
    expect(cleanFileName('photo.JPEG', JPEG)).toBe('photo.jpeg');
  });

  it('drops folders, control and reserved characters', () => {
    expect(cleanFileName('..\\..\\windows/system32/rib?.pdf', PDF)).toBe('rib.pdf');
    expect(cleanFileName('a\u0000b\r\nc<>:"|*.pdf', PDF)).toBe('a b c.pdf');
    expect(cleanFileName('../../', PDF)).toBe('document.pdf');
    expect(cleanFileName('...', PDF)).toBe('document.pdf');
  });

  it('ends with the extension of the real type', () => {
    expect(cleanFileName('budget.exe', PDF)).toBe('budget.exe.pdf');
    expect(cleanFileName('budget', XLSX)).toBe('budget.xlsx');
  });

  it('is NFC and at most 120 characters', () => {
    expect(cleanFileName('e\u0301te\u0301.pdf', PDF)).toBe('\u00e9t\u00e9.pdf');
    const long = cleanFileName(`${'x'.repeat(300)}.pdf`, PDF);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
