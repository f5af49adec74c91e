// Every table of the platform and its modules, for Drizzle's typed queries and drizzle-kit.
import * as audit from '../audit/audit.tables.ts';
import * as auth from '../auth/auth.tables.ts';
import * as blobs from '../blobs/blobs.tables.ts';
import * as events from '../events/events.tables.ts';
import * as http from '../http/http.tables.ts';
import * as jobs from '../jobs/jobs.tables.ts';
import * as ledger from '../ledger/ledger.tables.ts';
import * as notify from '../notify/notify.tables.ts';
import * as matters from '../../modules/matters/matters.tables.ts';
import * as caseNumbers from '../../modules/matters/case-numbers.tables.ts';
import * as library from '../../modules/library/library.tables.ts';
import * as video from '../../modules/video/video.tables.ts';
import * as videoRecording from '../../modules/video/video-recording.tables.ts';
import * as payments from '../../modules/payments/payments.tables.ts';
import * as agreements from '../../modules/agreements/agreements.tables.ts';
import * as decisions from '../../modules/decisions/decisions.tables.ts';
import * as news from '../../modules/news/news.tables.ts';
import * as confirmation from '../../modules/confirmation/confirmation.tables.ts';
import * as mediation from '../../modules/mediation/mediation.tables.ts';
import * as filing from '../../modules/filing/filing.tables.ts';

export const schema = { ...auth, ...audit, ...blobs, ...events, ...http, ...jobs, ...ledger, ...notify, ...matters, ...caseNumbers, ...library, ...video, ...videoRecording, ...payments, ...agreements, ...decisions, ...news, ...confirmation, ...mediation, ...filing };

