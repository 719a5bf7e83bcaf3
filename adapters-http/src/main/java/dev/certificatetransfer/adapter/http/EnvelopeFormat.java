package dev.certificatetransfer.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.port.in.TransferCertificateResult;

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
        return output.accept(new Output.Visitor<>() {
            @Override
            public ObjectNode described(Certificate certificate) {
                var json = Json.object();
                json.set("certificateDescription", CertificateJson.description(certificate, region));
                return json;
            }

            @Override
            public ObjectNode changed(Certificate certificate) {
                return CertificateJson.summary(certificate);
            }

            @Override
            public ObjectNode transferRequested(TransferCertificateResult transferred) {
                return Json.object()
                        .put(
                                "transferredCertificateArn",
                                transferred.transferredCertificateArn().value())
                        .setAll(CertificateJson.summary(transferred.certificate()));
            }

            @Override
            public ObjectNode deleted(CertificateId certificateId) {
                return Json.object().put("certificateId", certificateId.value());
            }

            @Override
            public ObjectNode listed(Page<Certificate> page, boolean outgoing) {
                return AwsFormat.listing(page, outgoing, region);
            }

            @Override
            public ObjectNode registered(RegisterCertificateResult registered) {
                return Json.object()
                        .put("certificateArn", registered.certificateArn().value())
                        .put("certificateId", registered.certificateId().value());
            }
        });
    }

    private static Map<String, String> headers(String requestId) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put(REQUEST_ID, requestId);
        return headers;
    }
}
