package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Jetty 12 core handler that feeds the translation layer. It hands the request line and headers to
 * {@link CertificateTransferHttpApi#checkHead} before reading any body byte: a request refused there (or the health
 * check) is answered at once, its body unread (with {@code Connection: close} when it has one), and a client that
 * sent {@code Expect: 100-continue} gets no {@code 100}. Otherwise the body is read without blocking (Jetty's
 * demand: a slow body holds no thread while it waits), to its end or to 64 KiB + 1 bytes, within a deadline of
 * the read timeout plus the time the minimum body rate allows for it; a body late for it is answered 408 and the
 * connection closed.
 */
final class JettyBinding extends Handler.Abstract {

    private static final byte[] NO_BODY = new byte[0];
    private static final int FIRST_BUFFER = 4096;

    private final CertificateTransferHttpApi api;
    private final InvocationType invocationType;
    private final Duration readTimeout;
    private final long minBodyRate;

    /**
     * {@code NON_BLOCKING} only when nothing the translation layer calls can block (in-memory storage): requests
     * are then answered on Jetty's selector threads. {@code minBodyRate} in bytes per second, 0 for none.
     */
    JettyBinding(
            CertificateTransferHttpApi api, InvocationType invocationType, Duration readTimeout, long minBodyRate) {
        this.api = api;
        this.invocationType = invocationType;
        this.readTimeout = readTimeout;
        this.minBodyRate = minBodyRate;
    }

    @Override
    public InvocationType getInvocationType() {
        return invocationType;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        var check = api.checkHead(head(request));
        if (check instanceof HeadCheck.ReadBody readBody) {
            new BodyReader(request, response, callback, readBody).start();
        } else {
            write(((HeadCheck.Answered) check).response(), response, callback);
        }
        return true;
    }

    private static HttpRequest head(Request request) {
        var uri = request.getHttpURI();
        var headers = new LinkedHashMap<String, List<String>>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>())
                    .add(field.getValue());
        }
        return new HttpRequest(
                request.getMethod(), uri.getPath() == null ? "" : uri.getPath(), uri.getQuery(), headers, NO_BODY);
    }

    static void write(HttpResponse answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        var headers = response.getHeaders();
        answer.headers().forEach(headers::put);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /**
     * Reads one body by demand, then answers it. Jetty calls {@link #run} when content may be read; the deadline
     * runs on Jetty's scheduler. Whichever ends the request first (the last chunk, a failure, the deadline) wins;
     * the other does nothing.
     */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final HeadCheck.ReadBody readBody;
        private final AtomicBoolean done = new AtomicBoolean();
        private byte[] body = NO_BODY;
        private int size;
        private Scheduler.Task deadline;

        BodyReader(Request request, Response response, Callback callback, HeadCheck.ReadBody readBody) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.readBody = readBody;
        }

        void start() {
            if (!mayHaveBody(request)) {
                answer(NO_BODY);
                return;
            }
            deadline = request.getComponents()
                    .getScheduler()
                    .schedule(this::late, deadlineMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        /** The read timeout, plus the time the longest body this request may send takes at the minimum rate. */
        private long deadlineMillis() {
            if (minBodyRate <= 0) {
                return Long.MAX_VALUE / 2;
            }
            long length = request.getLength() >= 0 ? request.getLength() : CertificateTransferHttpApi.MAX_BODY_BYTES;
            return readTimeout.toMillis() + length * 1000 / minBodyRate;
        }

        @Override
        public void run() {
            try {
                read();
            } catch (RuntimeException readAfterTheEnd) { // the deadline ended the request while this thread read
                fail(unreadable(readAfterTheEnd));
            }
        }

        private void read() {
            while (!done.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    fail(Content.Chunk.isFailure(chunk, false) ? timedOut() : unreadable(chunk.getFailure()));
                    return;
                }
                append(chunk.getByteBuffer());
                chunk.release();
                if (size > CertificateTransferHttpApi.MAX_BODY_BYTES || chunk.isLast()) {
                    answer(Arrays.copyOf(body, size));
                    return;
                }
            }
        }

        private void append(ByteBuffer bytes) {
            int count = Math.min(bytes.remaining(), CertificateTransferHttpApi.MAX_BODY_BYTES + 1 - size);
            if (size + count > body.length) {
                body = Arrays.copyOf(
                        body,
                        Math.min(
                                Math.max(FIRST_BUFFER, Math.max(size + count, body.length * 2)),
                                CertificateTransferHttpApi.MAX_BODY_BYTES + 1));
            }
            bytes.get(body, size, count);
            size += count;
        }

        private void late() {
            fail(timedOut());
        }

        private void answer(byte[] bytes) {
            if (done.compareAndSet(false, true)) {
                cancelDeadline();
                write(readBody.answer(bytes), response, callback);
            }
        }

        /** Jetty answers through {@link DialectErrorHandler} (408 for a body too slow) and closes the connection. */
        private void fail(Throwable failure) {
            if (done.compareAndSet(false, true)) {
                cancelDeadline();
                callback.failed(failure);
            }
        }

        private void cancelDeadline() {
            if (deadline != null) {
                deadline.cancel();
            }
        }
    }

    private static HttpException.RuntimeException timedOut() {
        return new HttpException.RuntimeException(408, "The request body did not arrive in time");
    }

    /** A read that failed (a malformed chunk, a connection lost) is the client's doing: never a 5xx. */
    private static Throwable unreadable(Throwable failure) {
        return failure instanceof HttpException
                ? failure
                : new HttpException.RuntimeException(400, "The request body could not be read", failure);
    }

    private static boolean mayHaveBody(Request request) {
        return request.getLength() > 0
                || (request.getLength() < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    }
}
