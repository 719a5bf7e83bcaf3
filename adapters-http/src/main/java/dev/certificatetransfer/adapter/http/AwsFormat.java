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
import java.util.function.BiFunction;

/**
 * The AWS dialect (restJson1): status 200 with AWS's output members, or an empty body for the operations without
 * output; errors with {@code x-amzn-ErrorType} and {@code {"message": ...}}; every response
 * with {@code Content-Type: application/json} and {@code x-amzn-RequestId}. It writes no account that is not 12
 * digits: such an account (in a store shared with an envelope server whose accounts are tenants) makes the answer an
 * internal failure, logged, rather than a form no AWS client expects (docs/behaviour.md#13-on-the-wire).
 */
final class AwsFormat implements Format {

    static final String REQUEST_ID = "x-amzn-RequestId";
    static final String ERROR_TYPE = "x-amzn-ErrorType";
    private static final byte[] EMPTY = new byte[0];

    @Override
    public HttpResponse success(Output output, Region region, String requestId) {
        output.accept(OutputAccounts.INSTANCE)
                .find(account -> !account.isAwsAccountId())
                .forEach(account -> {
                    throw new IllegalStateException("the answer names the account " + account
                            + ", which is not 12 digits: the AWS dialect cannot write it");
                });
        return new HttpResponse(200, headers(requestId), body(output, region));
    }

    @Override
    public HttpResponse error(WireRefusal refusal, String requestId, Map<String, String> extraHeaders) {
        var headers = headers(requestId);
        headers.put(ERROR_TYPE, refusal.awsType());
        headers.putAll(extraHeaders);
        var body = Json.object().put("message", refusal.message());
        refusal.resourceId().forEach(id -> body.put("resourceId", id));
        return new HttpResponse(refusal.error().awsStatus(), headers, Json.bytes(body));
    }

    /** AWS's output members of each operation; an empty body for those without output. */
    private static byte[] body(Output output, Region region) {
        return output.accept(new Output.Visitor<>() {
            @Override
            public byte[] described(Certificate certificate) {
                var json = Json.object();
                json.set("certificateDescription", CertificateJson.description(certificate, region));
                return Json.bytes(json);
            }

            @Override
            public byte[] changed(Certificate certificate) {
                return EMPTY;
            }

            @Override
            public byte[] transferRequested(TransferCertificateResult transferred) {
                return Json.bytes(Json.object()
                        .put(
                                "transferredCertificateArn",
                                transferred.transferredCertificateArn().value()));
            }

            @Override
            public byte[] deleted(CertificateId certificateId) {
                return EMPTY;
            }

            @Override
            public byte[] listed(Page<Certificate> page, boolean outgoing) {
                return Json.bytes(listing(page, outgoing, region));
            }

            @Override
            public byte[] registered(RegisterCertificateResult registered) {
                return Json.bytes(Json.object()
                        .put("certificateArn", registered.certificateArn().value())
                        .put("certificateId", registered.certificateId().value()));
            }

            @Override
            public byte[] keysAndCertificateCreated(CreateKeysAndCertificateResult created) {
                return Json.bytes(CertificateJson.keysAndCertificate(created));
            }

            @Override
            public byte[] issued(RegisterCertificateResult issued) {
                return Json.bytes(CertificateJson.issued(issued));
            }

            @Override
            public byte[] thingCreated(Thing thing) {
                return Json.bytes(RegistryJson.thingCreated(thing, region));
            }

            @Override
            public byte[] thingDescribed(Thing thing) {
                return Json.bytes(RegistryJson.thingDescription(thing, region));
            }

            @Override
            public byte[] thingDeleted(Thing thing) {
                return EMPTY;
            }

            @Override
            public byte[] policyCreated(IotPolicy policy) {
                return Json.bytes(RegistryJson.policyCreated(policy, region));
            }

            @Override
            public byte[] policyRead(IotPolicy policy) {
                return Json.bytes(RegistryJson.policy(policy, region));
            }

            @Override
            public byte[] policyDeleted(IotPolicy policy) {
                return EMPTY;
            }

            @Override
            public byte[] attachedPolicies(NamePage<PolicyArn> page) {
                return Json.bytes(RegistryJson.attachedPolicies(page));
            }

            @Override
            public byte[] policyTargets(NamePage<CertificateArn> page) {
                return Json.bytes(RegistryJson.policyTargets(page));
            }

            @Override
            public byte[] principalThings(NamePage<ThingName> page) {
                return Json.bytes(RegistryJson.principalThings(page));
            }

            @Override
            public byte[] thingPrincipals(NamePage<CertificateArn> page) {
                return Json.bytes(RegistryJson.thingPrincipals(page));
            }
        });
    }

    /** {@code {"certificates": [...]}} or {@code {"outgoingCertificates": [...]}}, and {@code nextMarker} if any. */
    static ObjectNode listing(Page<Certificate> page, boolean outgoing, Region region) {
        BiFunction<Certificate, Region, ObjectNode> item =
                outgoing ? CertificateJson::outgoingItem : CertificateJson::listItem;
        var json = Json.object();
        var items = json.putArray(outgoing ? "outgoingCertificates" : "certificates");
        page.items().forEach(certificate -> items.add(item.apply(certificate, region)));
        page.nextMarker().forEach(marker -> json.put("nextMarker", marker.value()));
        return json;
    }

    private static Map<String, String> headers(String requestId) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put(REQUEST_ID, requestId);
        return headers;
    }
}
