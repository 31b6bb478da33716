/**
 * Storage errors in words, however they surface: a DOMException by name, Dexie's
 * errors wrapping one (`inner`), a BulkError listing failed operations, an
 * AbortSignal's reason (`cause`); and each message made once, never with its
 * prefix twice. Unit cases build the errors with Dexie's own classes; the last
 * ones meet them through the store on fake-indexeddb.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { LibraryError, damagedLeftOut, isQuotaError, storageFailure } from '../../lib/library/storage-errors';
import { SEED_URLS, seedText, summaryOf } from '../helpers/seeds';

const FULL = "the browser's storage for extensions is full";
const dom = (name: string, message = `${name} happened`) => new DOMException(message, name);

describe('storageFailure: the cause a person can act on, from any wrapping', () => {
  const quota = dom('QuotaExceededError', 'The quota has been exceeded.');
  it.each<[string, unknown]>([
    ['a DOMException', quota],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError(quota)],
    ['an AbortError wrapping it (a transaction aborted by the quota)', new Dexie.AbortError('Transaction aborted', quota)],
    [
      'a BulkError whose failure wraps it',
      new Dexie.BulkError('cases.bulkPut(): 1 of 1 operations failed', { 0: new Dexie.AbortError('aborted', quota) }),
    ],
    ['a ModifyError listing it', new Dexie.ModifyError('modify failed', [quota], 0, ['18 009 360'])],
    ["Firefox's old name", { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' }],
    ["Firefox's disk-full name", { name: 'NS_ERROR_FILE_NO_DEVICE_SPACE', message: '' }],
    ['an Error whose cause it is', new Error('write failed', { cause: quota })],
  ])('a full disk: %s', (_shape, error) => {
    expect(isQuotaError(error)).toBe(true);
    expect(storageFailure(error, 'Not saved', { wrote: true })).toEqual({
      ok: false,
      error: 'storage-full',
      message: `Not saved: ${FULL}. Nothing already saved was changed. Free space on the disk, or export and delete old cases.`,
    });
  });

  it('"QuotaExceededError" in a message only is not a full disk', () => {
    expect(isQuotaError(new Error('QuotaExceededError in the message only'))).toBe(false);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a BulkError of aborted writes, as a real full disk gives in Chrome',
      new Dexie.BulkError('cases.bulkPut(): 1 of 1 operations failed', {
        0: dom('AbortError', 'The transaction was aborted, so the request cannot be fulfilled.'),
      }),
      /^Not saved: the browser stopped the operation before it finished \(a full disk, or the extension being reloaded, can do this\)\. Nothing already saved was changed\. Try again\.$/,
    ],
    [
      'an UnknownError (an I/O failure)',
      new Dexie.UnknownError('Internal error', dom('UnknownError')),
      /^Not saved: the browser could not read or write its storage on disk \(the disk may be full or failing\)\. Nothing already saved was changed\. Free space on the disk and try again\.$/,
    ],
    [
      'a database closed under the write',
      new Dexie.DatabaseClosedError(),
      /^Not saved: the library was closed while this ran \(the extension was probably updated or reloaded\)\. Nothing already saved was changed\. Try again\.$/,
    ],
    ['an InvalidStateError', dom('InvalidStateError'), /^Not saved: the library was closed while this ran/],
    [
      'a VersionError wrapped in OpenFailedError',
      new Dexie.OpenFailedError(new Dexie.VersionError('The requested version is less than the existing version', dom('VersionError'))),
      /^Not saved: the library was written by a newer version of Ombudsman Lens than this one\. Nothing already saved was changed\. Update the extension\.$/,
    ],
    [
      'no IndexedDB (MissingAPIError)',
      new Dexie.MissingAPIError(),
      /^Not saved: this browser does not let the extension use its storage \(a private window, or a setting that blocks site data, can do this\)\. Nothing already saved was changed\.$/,
    ],
    ['a SecurityError', dom('SecurityError'), /^Not saved: this browser does not let the extension use its storage/],
    [
      'a TimeoutError',
      dom('TimeoutError'),
      /^Not saved: the browser's storage did not answer in time\. Nothing already saved was changed\. Try again\.$/,
    ],
  ])('%s', (_shape, error, message) => {
    const failure = storageFailure(error, 'Not saved', { wrote: true });
    expect(failure.error).toBe('storage-failed');
    expect(failure.message).toMatch(message);
    expect(failure.message).not.toMatch(/BulkError|operations failed|Dexie/);
  });

  it('an error it does not know is named by its innermost specific error, one line, for a bug report', () => {
    const bulk = new Dexie.BulkError('cases.bulkPut(): 1 of 1 operations failed', {
      0: new Dexie.DataCloneError('could not be cloned\nstack...', dom('DataCloneError')),
    });
    expect(storageFailure(bulk, 'Not saved', { wrote: true })).toEqual({
      ok: false,
      error: 'storage-failed',
      message: "Not saved: the browser's storage failed (DataCloneError: DataCloneError happened). Nothing already saved was changed.",
    });
    expect(storageFailure(new TypeError('x is not a function'), 'The library could not be read').message).toBe(
      "The library could not be read: the browser's storage failed (TypeError: x is not a function).",
    );
    expect(storageFailure('a string thrown', 'Not deleted').message).toBe("Not deleted: the browser's storage failed (a string thrown).");
  });

  it('reads say nothing about writes', () => {
    expect(storageFailure(quota, 'The library could not be read').message).toBe(
      `The library could not be read: ${FULL}. Free space on the disk, or export and delete old cases.`,
    );
  });

  it('a message already made passes through unchanged: no prefix twice', () => {
    const made = new LibraryError('too-large', 'Not saved: a case can have at most 50 tags; this one would have 51.');
    expect(storageFailure(made, 'Not saved', { wrote: true })).toEqual({ ok: false, error: 'too-large', message: made.message });
  });
});

describe('through the store, on fake-indexeddb', () => {
  let n = 0;
  const name = () => `storage-errors-${++n}`;
  const input = () => ({
    summary: summaryOf(seedText('18-009-360'), SEED_URLS['18-009-360']),
    text: seedText('18-009-360'),
    url: SEED_URLS['18-009-360'],
  });

  it('a library closed under the popup: the list says so once, with no prefix twice', async () => {
    const db = new LensDatabase(name(), { indexedDB: new IDBFactory(), IDBKeyRange });
    const store = new CaseStore(db);
    await store.save(input());
    db.close({ disableAutoOpen: true });
    const { error } = await store.list();
    expect(error).toBe(
      'The library could not be read: the library was closed while this ran (the extension was probably updated or reloaded). Try again.',
    );
    expect((await store.full()).error).toMatch(/^The saved cases could not be read: the library was closed/);
    expect(await store.save(input())).toMatchObject({
      ok: false,
      error: 'storage-failed',
      message: expect.stringMatching(/^Not saved: the library was closed[^:]*$/),
    });
  });

  it('a write failing with a BulkError of aborted requests, as a full disk does: in words, nothing changed', async () => {
    const db = new LensDatabase(name(), { indexedDB: new IDBFactory(), IDBKeyRange });
    let failing = false;
    db.use({
      stack: 'dbcore',
      name: 'abort-writes',
      create: (down) => ({
        ...down,
        table: (table) => {
          const t = down.table(table);
          return {
            ...t,
            mutate: async (req) => {
              if (failing)
                throw new Dexie.BulkError(`${table}.bulkPut(): 1 of 1 operations failed`, {
                  0: dom('AbortError', 'The transaction was aborted.'),
                });
              return t.mutate(req);
            },
          };
        },
      }),
    });
    const store = new CaseStore(db);
    failing = true;
    const result = await store.save(input());
    expect(result).toEqual({
      ok: false,
      error: 'storage-failed',
      message:
        'Not saved: the browser stopped the operation before it finished (a full disk, or the extension being reloaded, can do this). Nothing already saved was changed. Try again.',
    });
    expect(await db.cases.count()).toBe(0);
  });
});

describe('damagedLeftOut: one wording for every export that leaves damaged cases out', () => {
  it('names one case, or several, and where they were left out of', () => {
    expect(damagedLeftOut(['18 009 360'], 'the backup')).toBe('1 damaged case was left out of the backup: 18 009 360.');
    expect(damagedLeftOut(['18 009 360', '21 003 725'], 'the case pack')).toBe(
      '2 damaged cases were left out of the case pack: 18 009 360, 21 003 725.',
    );
  });

  it('names the first 20 and counts the rest', () => {
    const references = Array.from({ length: 23 }, (_, i) => `22 000 ${String(i).padStart(3, '0')}`);
    const message = damagedLeftOut(references, 'the export');
    expect(message.startsWith('23 damaged cases were left out of the export: 22 000 000, 22 000 001,')).toBe(true);
    expect(message).toContain('22 000 019 and 3 more.');
    expect(message).not.toContain('22 000 020');
  });
});
