package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.Region;

import java.util.Map;

/** How one {@link Dialect} writes answers. */
interface Format {

    HttpResponse success(Output output, Region region, String requestId);

    /** An error; {@code extraHeaders} such as {@code Allow} or {@code Connection} are added. */
    HttpResponse error(WireRefusal refusal, String requestId, Map<String, String> extraHeaders);

    static Format of(Dialect dialect) {
        return switch (dialect) {
            case AWS -> new AwsFormat();
            case ENVELOPE -> new EnvelopeFormat();
        };
    }
}
