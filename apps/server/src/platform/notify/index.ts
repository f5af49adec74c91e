// Notifications: the in-app inbox, SMS and e-mail. `notify(tx, …)` inside a business transaction;
// sending happens in `notify.deliver` jobs, with every try recorded on the delivery.
export { createNotifier, ZNotifyInput, type Notifier, type NotifyResult, type TNotifyInput, type TDirectMessage } from './notifier.ts';
export { createInbox, type Inbox } from './inbox.ts';
export { createDeliveryJob, DELIVER_JOB } from './delivery.ts';
export { notificationsRoutes } from './notify.routes.ts';
export { createEmailDriver, createEmlDriver, createSmtpDriver, type EmailDriver, type EmailMessage } from './email.ts';
export { createLogSmsDriver, type SmsDriver, type SmsMessage } from './sms.ts';
export { notifyStore, type DeliveryRow, type NotificationRow } from './notify.store.ts';
