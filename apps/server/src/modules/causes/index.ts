// The civil cause-of-action catalogue (民事案件案由规定), as versioned data and a public route.
import { CAUSES_2021 } from './causes.data.2021.ts';
import { createCauseCatalogue } from './causes.rules.ts';

export { causesRoutes } from './causes.routes.ts';
export { createCauseCatalogue, fileable, type CauseCatalogue, type CauseHit, type CauseVersion } from './causes.rules.ts';

/** Every version shipped; add a new revision as a new data file here. */
export const causeCatalogue = createCauseCatalogue([CAUSES_2021]);
