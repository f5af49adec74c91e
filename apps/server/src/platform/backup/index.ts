export { createBackup, masterKeyCheck, type BackupDeps } from './backup.ts';
export { restoreBackup, RestoreRefusedError, type RestoreDeps, type RestoreOptions } from './restore.ts';
export { ZBackupManifest, type TBackupManifest } from './manifest.ts';
export { loadOrder } from './catalog.ts';
