import { connect } from 'node:net';

import { Injectable, Logger } from '@nestjs/common';

import { DomainError, ErrorCode, InjectConfig, PilotisConfig } from '@pilotis/shared';

/** ClamAV's INSTREAM takes the file in chunks, each preceded by its length (4 bytes, network order). */
const CHUNK = 64 * 1024;

/** What the daemon said of a file: clean, or the name of what it found. */
export type ScanVerdict = { clean: true } | { clean: false; threat: string };

/**
 * Sends a file to a ClamAV daemon (`clamd`, DOCUMENTS_CLAMD) with its INSTREAM command, on a TCP connection
 * of its own per file, and reads its verdict (« stream: OK » or « stream: <signature> FOUND »). The
 * protocol is ClamAV's own and small enough to speak here: no client library is needed for one command.
 */
export function clamdScan(data: Buffer, address: { host: string; port: number; timeoutMs: number }): Promise<ScanVerdict> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port });
    const chunks: Buffer[] = [];
    socket.setTimeout(address.timeoutMs, () => socket.destroy(new Error(`clamd did not answer within ${address.timeoutMs} ms`)));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => {
      // The reply is NUL-terminated with the « z » form of the command.
      const reply = Buffer.concat(chunks).toString('utf8').replace(/\0+$/, '').trim();
      if (reply === 'stream: OK') return resolve({ clean: true });
      const found = /^stream: (.+) FOUND$/.exec(reply);
      if (found) return resolve({ clean: false, threat: found[1] });
      reject(new Error(`clamd answered « ${reply || '(nothing)'} »`));
    });
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      for (let offset = 0; offset < data.length; offset += CHUNK) {
        const part = data.subarray(offset, offset + CHUNK);
        const size = Buffer.alloc(4);
        size.writeUInt32BE(part.length);
        socket.write(size);
        socket.write(part);
      }
      socket.end(Buffer.alloc(4)); // a zero length ends the stream
    });
  });
}

/**
 * The antivirus of uploads. Without DOCUMENTS_CLAMD, files are not scanned (said at boot). With it, a file
 * the daemon finds infected is refused (FILE_INFECTED) and one it cannot scan — daemon down, timeout, an
 * error reply — is refused too (SCAN_UNAVAILABLE): nothing unscanned is stored while a scanner is configured.
 */
@Injectable()
export class VirusScanner {
  private readonly logger = new Logger(VirusScanner.name);

  constructor(@InjectConfig() private readonly config: PilotisConfig) {
    if (!config.documents.clamd) this.logger.warn('DOCUMENTS_CLAMD is not set: uploaded files are not scanned for viruses.');
  }

  get enabled(): boolean {
    return this.config.documents.clamd !== null;
  }

  /** Refuses an infected file, or any file when the configured daemon cannot say. */
  async assertClean(data: Buffer, fileName: string): Promise<void> {
    const clamd = this.config.documents.clamd;
    if (!clamd) return;
    let verdict: ScanVerdict;
    try {
      verdict = await clamdScan(data, clamd);
    } catch (error) {
      this.logger.error(`virus scan of « ${fileName} » failed: ${(error as Error).message}`);
      throw new DomainError(
        ErrorCode.SCAN_UNAVAILABLE,
        "L'analyse antivirus des fichiers est indisponible : le fichier n'a pas été enregistré. Réessayez dans quelques minutes.",
      );
    }
    if (!verdict.clean) {
      this.logger.warn(`upload refused: « ${fileName} » contains ${verdict.threat}`);
      throw new DomainError(
        ErrorCode.FILE_INFECTED,
        `L'antivirus a détecté un virus dans ce fichier (${verdict.threat}) : il n'a pas été enregistré.`,
        { threat: verdict.threat },
      );
    }
  }
}
