export { createBackup, masterKeyCheck, type BackupDeps } from './backup.ts';
export { restoreBackup, RestoreRefusedError, type RestoreDeps, type RestoreOptions } from './restore.ts';
export { ZBackupManifest, type TBackupManifest } from './manifest.ts';
export { listAppliedMigrations, loadOrder } from './catalog.ts';
export { loadExistingMasterKey } from './master-key.ts';
