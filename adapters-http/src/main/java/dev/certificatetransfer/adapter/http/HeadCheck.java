package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.message.HttpResponse;

import java.util.Objects;
import java.util.function.Function;

/**
 * What {@link CertificateTransferHttpApi#checkHead} decided from a request's line and headers, before its body is
 * read: either the answer to send now ({@link Answered}), or go on and read the body ({@link ReadBody}).
 */
public sealed interface HeadCheck {

    /**
     * The answer is known from the head alone (a refusal, the health check, a metrics scrape): send it without
     * reading the body. When the request declared a body, the answer carries {@code Connection: close}: the unread
     * body stays on the connection, which therefore carries no further request.
     *
     * @param response the answer to write
     */
    record Answered(HttpResponse response) implements HeadCheck {

        /**
         * An answer.
         *
         * @param response the answer to write
         * @throws NullPointerException if the response is null
         */
        public Answered {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * The head passed every check it can: read the body (at most {@link CertificateTransferHttpApi#MAX_BODY_BYTES}
     * + 1 bytes, to the end when shorter), then call {@link #answer}. Only now may a server send
     * {@code 100 Continue}.
     */
    final class ReadBody implements HeadCheck {

        private final Function<byte[], HttpResponse> answer;

        ReadBody(Function<byte[], HttpResponse> answer) {
            this.answer = answer;
        }

        /**
         * Finishes the request with its body: the checks that need it (its size, the signature over it), then the
         * operation. Never throws; call it once.
         *
         * @param body the body bytes read, empty for none; more than {@link CertificateTransferHttpApi#MAX_BODY_BYTES}
         *        is answered 413
         * @return the answer to write
         */
        public HttpResponse answer(byte[] body) {
            return answer.apply(Objects.requireNonNull(body, "body"));
        }
    }
}
