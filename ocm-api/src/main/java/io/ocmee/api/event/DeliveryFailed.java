package io.ocmee.api.event;

import java.io.Serializable;

/**
 * A message for another server (a share, a notification) could not be delivered and is not retried
 * any more: the peer refused it, or the retry horizon passed. Administrators can retry it later
 * (JMX {@code ocm:type=Federation}).
 *
 * @param messageId the outbox message id
 * @param kind {@code share} or {@code notification}
 * @param subjectId what it was about, e.g. the id of an outgoing share
 * @param httpStatus the peer's last HTTP status, or {@code null} if it never answered
 * @param error why, in words fit for a user
 */
public record DeliveryFailed(
        String messageId, String kind, String subjectId, Integer httpStatus, String error)
        implements Serializable {}
