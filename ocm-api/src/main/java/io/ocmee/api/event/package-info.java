/**
 * CDI events the module fires for the host EFSS. They are fired synchronously inside the
 * transaction that caused them; observe them with {@code @Observes(during =
 * TransactionPhase.AFTER_SUCCESS)} to act only once that transaction has committed (an event fired
 * outside a transaction reaches such observers at once). Payloads are serializable records that
 * never carry secrets.
 */
package io.ocmee.api.event;
