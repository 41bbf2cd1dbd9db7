/**
 * Appends delivery-log records (JSON Lines, DESIGN.md v1) to a file, with
 * size-based rename-and-create rotation (`file` → `file.1` → … `file.N`),
 * the rotation the exporter follows without losing a line.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface DeliveryRecord {
  readonly ts: string;
  readonly kind?: 'attempt' | 'dlq' | 'dlq_replay' | 'processed';
  readonly event_id: string;
  readonly event_type: string;
  readonly endpoint: string;
  readonly [field: string]: unknown;
}

export interface LogWriter {
  write(record: DeliveryRecord): void;
  close(): void;
}

export interface RotatingOptions {
  readonly path: string;
  /** Rotate when the file would grow past this size; 0 never rotates. */
  readonly maxBytes: number;
  /** Rotated files kept (`file.1` … `file.keep`). */
  readonly keep: number;
}

/** Writes synchronously: a record is on disk (page cache) before the caller goes on. */
export class RotatingLogWriter implements LogWriter {
  #fd: number;
  #size: number;
  readonly #o: RotatingOptions;

  constructor(o: RotatingOptions) {
    this.#o = o;
    mkdirSync(dirname(o.path), { recursive: true });
    this.#fd = openSync(o.path, 'a');
    this.#size = fstatSync(this.#fd).size;
  }

  write(record: DeliveryRecord): void {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    if (this.#o.maxBytes > 0 && this.#size > 0 && this.#size + line.length > this.#o.maxBytes) this.#rotate();
    writeSync(this.#fd, line);
    this.#size += line.length;
  }

  close(): void {
    closeSync(this.#fd);
  }

  #rotate(): void {
    closeSync(this.#fd);
    const p = this.#o.path;
    if (this.#o.keep === 0) rmSync(p, { force: true });
    else {
      rmSync(`${p}.${this.#o.keep}`, { force: true });
      for (let i = this.#o.keep - 1; i >= 1; i--) if (existsSync(`${p}.${i}`)) renameSync(`${p}.${i}`, `${p}.${i + 1}`);
      renameSync(p, `${p}.1`);
    }
    this.#fd = openSync(p, 'a');
    this.#size = 0;
  }
}

/** A writer that keeps records in memory (tests, or no log configured). */
export class MemoryLogWriter implements LogWriter {
  readonly records: DeliveryRecord[] = [];
  write(record: DeliveryRecord): void {
    this.records.push(record);
  }
  close(): void {}
}

export const isoTime = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString();
