package org.yunjian.monitoring.probe;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A response body read one chunk at a time (back-pressure: the next chunk is requested only when this one is kept)
 * and kept up to a limit: at the first byte past it the subscription is cancelled, which closes the connection, so a
 * 1 GB answer costs the limit and a few socket buffers, never 1 GB. A redirect's body is not read at all. What arrived
 * is available after a cancellation too (a slow drip stopped at the deadline).
 */
final class LimitedBody {

    /** The bytes kept and whether more were offered. */
    record Received(byte[] bytes, boolean truncated) {}

    private final long limit;
    private final ByteArrayOutputStream kept;
    private final CompletableFuture<Received> done = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean finished;

    private LimitedBody(long limit) {
        this.limit = limit;
        this.kept = new ByteArrayOutputStream((int) Math.min(limit, 16 * 1024));
    }

    /**
     * A handler that keeps up to {@code limit} bytes of the body; {@code sink} receives the body it creates, so the
     * caller can stop it and read what arrived when the deadline passes.
     */
    static BodyHandler<Received> handler(long limit, Consumer<LimitedBody> sink) {
        return (ResponseInfo info) -> {
            LimitedBody body = new LimitedBody(limit);
            sink.accept(body);
            if (info.statusCode() / 100 == 3
                    && info.headers().firstValue("location").isPresent()) {
                body.finished = true; // followed, not read: the hop ends at its headers
                body.done.complete(new Received(new byte[0], false));
            }
            return body.new Subscriber();
        };
    }

    /** Stops reading (the deadline passed); what arrived so far stays available. */
    synchronized void cancel() {
        finish(false);
    }

    /** The bytes that arrived so far. */
    synchronized byte[] soFar() {
        return kept.toByteArray();
    }

    private synchronized void finish(boolean truncated) {
        if (!finished) {
            finished = true;
            done.complete(new Received(kept.toByteArray(), truncated));
        }
        if (subscription != null) {
            subscription.cancel();
        }
    }

    private final class Subscriber implements BodySubscriber<Received> {

        @Override
        public CompletionStage<Received> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            synchronized (LimitedBody.this) {
                subscription = s;
                if (finished) {
                    s.cancel();
                    return;
                }
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            synchronized (LimitedBody.this) {
                if (finished) {
                    return;
                }
                for (ByteBuffer item : items) {
                    int room = (int) (limit - kept.size());
                    int n = item.remaining();
                    if (n > room) {
                        byte[] part = new byte[room];
                        item.get(part);
                        kept.write(part, 0, room);
                        finish(true);
                        return;
                    }
                    byte[] chunk = new byte[n];
                    item.get(chunk);
                    kept.write(chunk, 0, n);
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            synchronized (LimitedBody.this) {
                if (!finished) {
                    finished = true;
                    done.completeExceptionally(failure);
                }
            }
        }

        @Override
        public void onComplete() {
            synchronized (LimitedBody.this) {
                if (!finished) {
                    finished = true;
                    done.complete(new Received(kept.toByteArray(), false));
                }
            }
        }
    }
}
