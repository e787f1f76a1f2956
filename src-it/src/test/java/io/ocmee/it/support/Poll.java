package io.ocmee.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for asynchronous outcomes (outbox deliveries) with a deadline, never a fixed sleep. */
public final class Poll {

    private Poll() {}

    /**
     * @param what a description for the failure message
     * @param timeout the deadline
     * @param probe reads the current value
     * @param done whether the value is the awaited one
     * @return the awaited value
     * @throws AssertionError with the last value if the deadline passes
     */
    public static <T> T until(
            String what,
            Duration timeout,
            Supplier<T> probe,
            java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        what + " did not happen in " + timeout + "; last: " + last);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = probe.get();
        }
        return last;
    }
}
