package io.ocmee.delivery.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a response body to its reader as an {@link InputStream} while it arrives, one chunk ahead
 * at most (back-pressure: the next chunk is requested only when the reader took the last one). A
 * read that waits longer than the idle timeout for the next chunk fails with an {@link IOException}
 * and cancels the exchange, so a peer that stops sending cannot hold a thread forever.
 *
 * <p>The subscriber side follows the Flow contract (signals arrive serially); the stream side is
 * for one reading thread.
 */
final class StreamingBodySubscriber implements BodySubscriber<InputStream> {

    private static final Object END = new Object();

    private record Failure(Throwable cause) {}

    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final long idleNanos;
    private final String authority;
    private final Body body = new Body();
    private volatile Flow.Subscription subscription;

    /**
     * @param idle longest wait for the next chunk
     * @param authority the peer, for messages
     */
    StreamingBodySubscriber(Duration idle, String authority) {
        this.idleNanos = idle.toNanos();
        this.authority = authority;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        chunks.add(items);
    }

    @Override
    public void onError(Throwable failure) {
        chunks.add(new Failure(failure));
    }

    @Override
    public void onComplete() {
        chunks.add(END);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(body);
    }

    private final class Body extends InputStream {

        private Iterator<ByteBuffer> pending = List.<ByteBuffer>of().iterator();
        private ByteBuffer current;
        private boolean finished;
        private boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, length, target.length);
            if (closed) {
                throw new IOException("Response from " + authority + " failed: stream closed");
            }
            if (length == 0) {
                return 0;
            }
            if (!nextBuffer()) {
                return -1;
            }
            int n = Math.min(length, current.remaining());
            current.get(target, offset, n);
            return n;
        }

        @Override
        public int available() {
            return current == null ? 0 : current.remaining();
        }

        /** Makes {@link #current} a buffer with bytes left; false at the end of the body. */
        private boolean nextBuffer() throws IOException {
            while (current == null || !current.hasRemaining()) {
                if (pending.hasNext()) {
                    current = pending.next();
                    continue;
                }
                if (finished) {
                    return false;
                }
                take();
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        private void take() throws IOException {
            Object next;
            try {
                next = chunks.poll(idleNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IOException("Response from " + authority + " failed: interrupted", e);
            }
            if (next == null) {
                close();
                throw new IOException(
                        "Response from "
                                + authority
                                + " failed: no data for "
                                + TimeUnit.NANOSECONDS.toMillis(idleNanos)
                                + " ms");
            }
            if (next == END) {
                finished = true;
                return;
            }
            if (next instanceof Failure failure) {
                finished = true;
                throw new IOException(
                        "Response from " + authority + " failed: the body broke off",
                        failure.cause());
            }
            pending = ((List<ByteBuffer>) next).iterator();
            subscription.request(1);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!finished && subscription != null) {
                subscription.cancel();
            }
            chunks.clear();
        }
    }
}
