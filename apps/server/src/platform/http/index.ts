export { AppError, CommonErrors, defineErrors, localised, type ErrorSpec, type FieldError, type LocalisedText } from './errors.ts';
export { registerProblemHandler, sendProblem, sendNotFound, loggableError } from './problem.ts';
export { runIdempotent, readIdempotencyKey, type IdempotentResult } from './idempotency.ts';
export { ZPageQuery, decodeCursor, encodeCursor, pageOf } from './pagination.ts';
export { pickLocale, LOCALES, type Locale } from './locale.ts';
