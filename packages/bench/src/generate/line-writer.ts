import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_CHARS = 1 << 20;

/**
 * Writes JSON lines to a file in ~1 MB chunks, waiting for the stream to drain when the disk falls
 * behind, so memory stays flat however many lines go through.
 */
export class LineWriter {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private size = 0;
  lines = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8' });
  }

  async write(record: unknown): Promise<void> {
    const line = JSON.stringify(record);
    this.buffer.push(line, '\n');
    this.size += line.length + 1;
    this.lines++;
    if (this.size >= CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
