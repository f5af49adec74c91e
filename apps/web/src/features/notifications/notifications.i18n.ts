// The notification bell's words in the three languages.
export const notificationsZhCN = { label: '通知', unread: '{{count}} 条未读通知', empty: '暂无通知', markAllRead: '全部标为已读' };
export type NotificationMessages = typeof notificationsZhCN;
export const notificationsZhHK: NotificationMessages = { label: '通知', unread: '{{count}} 條未讀通知', empty: '暫無通知', markAllRead: '全部標為已讀' };
export const notificationsEn: NotificationMessages = { label: 'Notifications', unread: '{{count}} unread notifications', empty: 'No notifications', markAllRead: 'Mark all as read' };
