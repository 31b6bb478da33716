/**
 * esbuild entry (IIFE) evaluated in a page of the extension's own origin
 * (chrome-extension://<id>/manifest.json: a blank extension-origin document, so
 * no popup is live-querying while 10,000 cases are written). Writes the library
 * the way a user's import does: a Backup v1 object handed to
 * `new CaseStore(new LensDatabase()).importBackup(backup)`.
 *
 * The seed cases are made into backup cases by the store itself (parseText,
 * save into a scratch database, exportBackup), so the generated backup has
 * whatever fields the current backup format has.
 */
import { CaseStore } from '../../lib/library/case-store';
import { LensDatabase } from '../../lib/library/database';
import { BACKUP_FORMAT, type Backup, type BackupCase } from '../../lib/library/saved-case';
import { parseText } from '../../lib/parser/parse-decision';
import { generateCase } from './library-generator';
import type { ExtensionPageApi } from './page-apis';

const SCRATCH_DB = 'ombudsman-lens-bench-scratch';

let templates: BackupCase[] = [];
let payment: BackupCase['summary']['remedies'][number] | null = null;
let parserVersion = '';

const api: ExtensionPageApi = {
  async prepareTemplates(seeds) {
    const db = new LensDatabase(SCRATCH_DB);
    try {
      const store = new CaseStore(db);
      for (const seed of seeds) {
        const result = parseText(seed.text, { url: seed.url });
        if (!result.ok) throw new Error(`a seed did not parse: ${result.message}`);
        const saved = await store.save({ summary: result.summary, text: seed.text, url: seed.url });
        if (!saved.ok) throw new Error(`a seed could not be saved: ${saved.message}`);
      }
      const backup = await store.exportBackup();
      templates = backup.cases;
      parserVersion = backup.parserVersion;
      payment = templates.flatMap((c) => c.summary.remedies).find((r) => r.kind === 'payment') ?? null;
    } finally {
      db.close();
      await db.delete();
    }
    if (templates.length === 0) throw new Error('no seed case came back from exportBackup');
    return { templates: templates.length, parserVersion };
  },

  async importGenerated(start, count) {
    if (templates.length === 0) throw new Error('prepareTemplates first');
    const cases: BackupCase[] = [];
    let textChars = 0;
    for (let i = start; i < start + count; i++) {
      const c = generateCase(templates[i % templates.length]!, i, payment);
      textChars += c.text.length;
      cases.push(c);
    }
    const backup: Backup = { format: BACKUP_FORMAT, version: 1, exportedAt: new Date().toISOString(), parserVersion, cases };
    const db = new LensDatabase();
    try {
      const t0 = performance.now();
      const report = await new CaseStore(db).importBackup(backup);
      const ms = performance.now() - t0;
      if (!report.ok) throw new Error(`import refused: ${report.message} ${report.problems.slice(0, 5).join('; ')}`);
      return { added: report.added, merged: report.merged, ms, textChars };
    } finally {
      db.close();
    }
  },

  async countCases() {
    const db = new LensDatabase();
    try {
      return await db.cases.count();
    } finally {
      db.close();
    }
  },

  async listReferences() {
    const db = new LensDatabase();
    try {
      return await new CaseStore(db).backupReferences();
    } finally {
      db.close();
    }
  },

  async readCases(references) {
    const db = new LensDatabase();
    try {
      return (await new CaseStore(db).readBackupCases(references)).cases;
    } finally {
      db.close();
    }
  },

  async storageUsage() {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
    return { usage: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null };
  },
};

(globalThis as unknown as { __olBench: ExtensionPageApi }).__olBench = api;
