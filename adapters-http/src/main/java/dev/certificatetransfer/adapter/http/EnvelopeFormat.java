package dev.certificatetransfer.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyArn;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.CreateKeysAndCertificateResult;
import dev.certificatetransfer.port.in.NamePage;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.port.in.TransferCertificateResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope dialect: {@code {"success": true, "data": ...}} and
 * {@code {"success": false, "error": {"code": ..., "message": ...}}} with the statuses of the {@link WireError}
 * table. {@code data} is AWS's output where AWS has one (describe, transfer, the listings, register, the calls that
 * issue a certificate, create, describe and get a thing or policy); for accept, reject, cancel, update and the four
 * attach and detach calls it is the certificate's id, status and ownership after the change (transfer adds them
 * too); for a delete, the deleted certificate's id, thing's name or policy's name.
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

            @Override
            public ObjectNode keysAndCertificateCreated(CreateKeysAndCertificateResult created) {
                return CertificateJson.keysAndCertificate(created);
            }

            @Override
            public ObjectNode issued(RegisterCertificateResult issued) {
                return CertificateJson.issued(issued);
            }

            @Override
            public ObjectNode thingCreated(Thing thing) {
                return RegistryJson.thingCreated(thing, region);
            }

            @Override
            public ObjectNode thingDescribed(Thing thing) {
                return RegistryJson.thingDescription(thing, region);
            }

            @Override
            public ObjectNode thingDeleted(Thing thing) {
                return Json.object().put("thingName", thing.name().value());
            }

            @Override
            public ObjectNode policyCreated(IotPolicy policy) {
                return RegistryJson.policyCreated(policy, region);
            }

            @Override
            public ObjectNode policyRead(IotPolicy policy) {
                return RegistryJson.policy(policy, region);
            }

            @Override
            public ObjectNode policyDeleted(IotPolicy policy) {
                return Json.object().put("policyName", policy.name().value());
            }

            @Override
            public ObjectNode attachedPolicies(NamePage<PolicyArn> page) {
                return RegistryJson.attachedPolicies(page);
            }

            @Override
            public ObjectNode policyTargets(NamePage<CertificateArn> page) {
                return RegistryJson.policyTargets(page);
            }

            @Override
            public ObjectNode principalThings(NamePage<ThingName> page) {
                return RegistryJson.principalThings(page);
            }

            @Override
            public ObjectNode thingPrincipals(NamePage<CertificateArn> page) {
                return RegistryJson.thingPrincipals(page);
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
