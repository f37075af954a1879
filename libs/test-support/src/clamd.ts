import { AddressInfo, createServer, Socket } from 'node:net';

/**
 * The standard antivirus test file (EICAR): every antivirus reports it, and it harms nothing. Built from
 * two halves so that no scanner flags this source file itself.
 */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export interface TestClamd {
  port: number;
  /** The files received so far, whole, in order. */
  scanned: Buffer[];
  close(): Promise<void>;
}

/**
 * A server speaking ClamAV daemon's INSTREAM protocol in the test process (« zINSTREAM\0 », length-prefixed
 * chunks, a zero length to end; « stream: OK » or « stream: <name> FOUND », NUL-terminated), as the
 * in-process SMTP server stands for a mail relay. Its only signature is the EICAR test string: ClamAV's
 * signature database cannot be fetched on these machines, and the API's client is what is under test.
 */
export async function startTestClamd(): Promise<TestClamd> {
  const scanned: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    let commandRead = false;
    const parts: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!commandRead) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        const command = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 1);
        commandRead = true;
        if (command !== 'zINSTREAM') {
          socket.end(`${command}: UNKNOWN COMMAND\0`);
          return;
        }
      }
      while (buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (size === 0) {
          const file = Buffer.concat(parts);
          scanned.push(file);
          socket.end(file.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + size) return;
        parts.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    scanned,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
