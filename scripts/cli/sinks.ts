/**
 * Where the output goes. Standard output: a reader that closes it (`| head`) ends the run
 * quietly. `--out FILE`: written to a temporary file beside it and renamed over it only when
 * the run completes, so FILE is always either the old output or the whole new one.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Output is gathered to about this size before a write: one system call per many lines. */
const CHUNK = 64 * 1024;

/** Bytes gathered for one write. */
class Gathered {
  private parts: Uint8Array[] = [];
  size = 0;

  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.size += bytes.length;
  }

  /** Everything gathered, as one buffer, and empties itself. */
  take(): Buffer {
    const all = Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    return all;
  }
}

export interface Sink {
  /** The reader has gone: the run stops, quietly. */
  readonly closed: boolean;
  /** UTF-8 bytes. Resolves when the sink can take more (the pipe's reader has caught up). */
  write(bytes: Uint8Array): Promise<void> | void;
  /** Writes what is gathered: called when the run waits for a slow file, so output is never held back long. */
  flush(): Promise<void> | void;
  /** The run is complete. */
  close(): Promise<void> | void;
  /** The run is abandoned: nothing is left behind. */
  abort(): void;
}

export class StdoutSink implements Sink {
  closed = false;
  private readonly buffered = new Gathered();
  /** Resolves a wait for 'drain' that will never come once the reader has gone. */
  private release: (() => void) | null = null;

  constructor(private readonly stream: NodeJS.WriteStream) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
      this.closed = true;
      this.buffered.take();
      this.release?.();
    });
  }

  write(bytes: Uint8Array): Promise<void> | void {
    if (this.closed) return;
    this.buffered.add(bytes);
    if (this.buffered.size >= CHUNK) return this.flush();
  }

  flush(): Promise<void> | void {
    if (this.buffered.size === 0 || this.closed) return;
    if (this.stream.write(this.buffered.take())) return;
    return new Promise((resolve) => {
      this.release = () => {
        this.release = null;
        resolve();
      };
      this.stream.once('drain', this.release);
    });
  }

  async close(): Promise<void> {
    await this.flush();
  }

  abort(): void {}
}

export class AtomicFileSink implements Sink {
  readonly closed = false;
  private readonly temp: string;
  private fd: number | null;
  private readonly buffered = new Gathered();

  constructor(private readonly path: string) {
    // Beside the target, so the rename stays on one file system and is atomic.
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.temp, 'wx');
    try {
      // A file being replaced keeps its permissions.
      fchmodSync(this.fd, statSync(path).mode & 0o7777);
    } catch {
      // A new file: the process's default.
    }
  }

  write(bytes: Uint8Array): void {
    this.buffered.add(bytes);
    if (this.buffered.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.buffered.size === 0 || this.fd === null) return;
    const all = this.buffered.take();
    for (let at = 0; at < all.length;) at += writeSync(this.fd, all, at);
  }

  close(): void {
    this.flush();
    if (this.fd === null) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.temp, this.path);
  }

  abort(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    try {
      unlinkSync(this.temp);
    } catch {
      // Already gone.
    }
  }
}
