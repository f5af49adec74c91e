export { createLibraryService, type LibraryService } from './library.service.ts';
export { libraryRoutes } from './library.routes.ts';
export { folderSources, importLibrary, type ImportProgress, type ImportReport, type ImportSource } from './library.import.ts';
export { loadCauses, seedLibrary, LIBRARY_SEED_DIR } from './library.seed.ts';
