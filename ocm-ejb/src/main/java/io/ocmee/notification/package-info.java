/**
 * Notifications about shares and users (OCM-NOTES §4): {@link
 * io.ocmee.notification.NotificationParser} reads the ED-2026-08, -05, Nextcloud and ownCloud-Reva
 * forms into a {@link io.ocmee.notification.ReceivedNotification}; {@link
 * io.ocmee.notification.NotificationService} receives them; {@link
 * io.ocmee.notification.NotificationBody} builds the ones we send.
 */
package io.ocmee.notification;
