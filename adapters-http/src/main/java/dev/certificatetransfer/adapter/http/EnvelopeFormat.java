package dev.certificatetransfer.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.Region;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope dialect: {@code {"success": true, "data": ...}} and
 * {@code {"success": false, "error": {"code": ..., "message": ...}}} with the statuses of the {@link WireError}
 * table. {@code data} is AWS's output where AWS has one (describe, transfer, the listings, register); for accept,
 * reject, cancel and update it is the certificate's id, status and ownership after the change (transfer adds them
 * too); for delete, the deleted certificate's id.
 */
final class EnvelopeFormat implements Format {

    static final String REQUEST_ID = "x-request-id";

    @Override
    public HttpResponse success(Output output, Region region, String requestId) {
        var json = Json.object().put("success", true);
        json.set("data", data(output, region));
        return new HttpResponse(200, headers(requestId), Json.bytes(json));
    }

    @Override
    public HttpResponse error(WireRefusal refusal, String requestId, Map<String, String> extraHeaders) {
        var json = Json.object().put("success", false);
        json.putObject("error").put("code", refusal.error().envelopeCode()).put("message", refusal.message());
        var headers = headers(requestId);
        if (refusal.error() == WireError.NOT_AUTHENTICATED) {
            headers.put("WWW-Authenticate", "Bearer");
        }
        headers.putAll(extraHeaders);
        return new HttpResponse(refusal.error().envelopeStatus(), headers, Json.bytes(json));
    }

    private static ObjectNode data(Output output, Region region) {
        if (output instanceof Output.Described described) {
            var json = Json.object();
            json.set("certificateDescription", CertificateJson.description(described.certificate(), region));
            return json;
        } else if (output instanceof Output.Changed changed) {
            return CertificateJson.summary(changed.certificate());
        } else if (output instanceof Output.TransferOpened opened) {
            return Json.object().put("transferredCertificateArn",
                    opened.transferred().transferredCertificateArn().value())
                    .setAll(CertificateJson.summary(opened.transferred().certificate()));
        } else if (output instanceof Output.Deleted deleted) {
            return Json.object().put("certificateId", deleted.certificateId().value());
        } else if (output instanceof Output.Listed listed) {
            return AwsFormat.listing(listed, region);
        }
        var registered = ((Output.RegisteredCertificate) output).registered();
        return Json.object().put("certificateArn", registered.certificateArn().value())
                .put("certificateId", registered.certificateId().value());
    }

    private static Map<String, String> headers(String requestId) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put(REQUEST_ID, requestId);
        return headers;
    }
}
