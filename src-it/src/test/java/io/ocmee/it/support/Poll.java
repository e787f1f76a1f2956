package io.ocmee.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Waits for asynchronous outcomes (outbox deliveries, notifications reaching the other server) with
 * a deadline, never a fixed sleep.
 */
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

    /**
     * Waits until a share (as the user API shows it) has exactly the given permissions, in order: a
     * permission change reaches the receiving server by notification.
     *
     * @param what a description for the failure message
     * @param timeout the deadline
     * @param share reads the share; {@code null} while there is none
     * @param permissions the awaited wire permissions
     * @return the share with them
     * @throws AssertionError with the last share if the deadline passes
     */
    public static JsonObject untilPermissions(
            String what, Duration timeout, Supplier<JsonObject> share, List<String> permissions) {
        JsonArray awaited = Json.createArrayBuilder(permissions).build();
        return until(what, timeout, share, s -> s != null && awaited.equals(s.get("permissions")));
    }

    /**
     * Waits until a share (as the user API shows it) is in the given state.
     *
     * @param what a description for the failure message
     * @param timeout the deadline
     * @param share reads the share; {@code null} while there is none
     * @param state the awaited wire state
     * @return the share in that state
     * @throws AssertionError with the last share if the deadline passes
     */
    public static JsonObject untilState(
            String what, Duration timeout, Supplier<JsonObject> share, String state) {
        return until(what, timeout, share, s -> s != null && s.getString("state").equals(state));
    }
}
