package io.ocmee.share;

/**
 * The answer to an accepted Share Creation Notification (OCM-NOTES §3.5, checklist R93).
 *
 * @param shareId our id of the share
 * @param recipientDisplayName wire {@code recipientDisplayName}
 * @param created {@code false} when the same share had been received before (idempotent repeat)
 */
public record ReceivedShare(String shareId, String recipientDisplayName, boolean created) {}
