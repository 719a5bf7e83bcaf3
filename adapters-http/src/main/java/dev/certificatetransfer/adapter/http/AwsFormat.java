package dev.certificatetransfer.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.Region;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The AWS dialect (restJson1, aws-wire-facts section 6): status 200 with AWS's output members, or an empty body for
 * the operations without output; errors with {@code x-amzn-ErrorType} and {@code {"message": ...}}; every response
 * with {@code Content-Type: application/json} and {@code x-amzn-RequestId}.
 */
final class AwsFormat implements Format {

    static final String REQUEST_ID = "x-amzn-RequestId";
    static final String ERROR_TYPE = "x-amzn-ErrorType";
    private static final byte[] EMPTY = new byte[0];

    @Override
    public HttpResponse success(Output output, Region region, String requestId) {
        return new HttpResponse(200, headers(requestId), body(output, region));
    }

    @Override
    public HttpResponse error(WireRefusal refusal, String requestId, Map<String, String> extraHeaders) {
        var headers = headers(requestId);
        headers.put(ERROR_TYPE, refusal.awsType());
        headers.putAll(extraHeaders);
        var body = Json.object().put("message", refusal.message());
        refusal.resourceId().forEach(id -> body.put("resourceId", id.value()));
        return new HttpResponse(refusal.error().awsStatus(), headers, Json.bytes(body));
    }

    private static byte[] body(Output output, Region region) {
        if (output instanceof Output.Described described) {
            var json = Json.object();
            json.set("certificateDescription", CertificateJson.description(described.certificate(), region));
            return Json.bytes(json);
        } else if (output instanceof Output.TransferOpened opened) {
            return Json.bytes(Json.object().put("transferredCertificateArn",
                    opened.transferred().transferredCertificateArn().value()));
        } else if (output instanceof Output.Listed listed) {
            return Json.bytes(listing(listed, region));
        } else if (output instanceof Output.RegisteredCertificate registered) {
            return Json.bytes(Json.object()
                    .put("certificateArn", registered.registered().certificateArn().value())
                    .put("certificateId", registered.registered().certificateId().value()));
        }
        return EMPTY;
    }

    /** {@code {"certificates": [...]}} or {@code {"outgoingCertificates": [...]}}, and {@code nextMarker} if any. */
    static ObjectNode listing(Output.Listed listed, Region region) {
        BiFunction<Certificate, Region, ObjectNode> item =
                listed.outgoing() ? CertificateJson::outgoingItem : CertificateJson::listItem;
        var json = Json.object();
        var items = json.putArray(listed.outgoing() ? "outgoingCertificates" : "certificates");
        listed.page().items().forEach(certificate -> items.add(item.apply(certificate, region)));
        listed.page().nextMarker().forEach(marker -> json.put("nextMarker", marker.value()));
        return json;
    }

    private static Map<String, String> headers(String requestId) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put(REQUEST_ID, requestId);
        return headers;
    }
}
