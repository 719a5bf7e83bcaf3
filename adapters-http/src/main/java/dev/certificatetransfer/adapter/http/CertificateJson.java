package dev.certificatetransfer.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.domain.TransferData;
import dev.certificatetransfer.port.in.CreateKeysAndCertificateResult;
import dev.certificatetransfer.port.in.RegisterCertificateResult;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A certificate in AWS's JSON shapes (docs/behaviour.md#13-on-the-wire), member names and order as in the service
 * model; members without a value are left out, except {@code transferData}, which is {@code {}} when never
 * transferred.
 */
final class CertificateJson {

    /** The PEM as a JSON string, escaped once per certificate: escaping its line breaks dominated describe's cost. */
    private static final ConcurrentHashMap<CertificatePem, RawValue> PEMS = new ConcurrentHashMap<>();

    private static final int MAX_CACHED_PEMS = 4_096;

    private CertificateJson() {}

    private static RawValue pemJson(CertificatePem pem) {
        var cached = PEMS.get(pem);
        if (cached != null) {
            return cached;
        }
        if (PEMS.size() >= MAX_CACHED_PEMS) {
            PEMS.clear();
        }
        var json =
                new RawValue(Json.MAPPER.getNodeFactory().textNode(pem.value()).toString());
        PEMS.put(pem, json);
        return json;
    }

    /** {@code CertificateDescription}. */
    static ObjectNode description(Certificate certificate, Region region) {
        var json = Json.object()
                .put("certificateArn", certificate.arn(region).value())
                .put("certificateId", certificate.id().value())
                .put("status", certificate.status().name())
                .putRawValue("certificatePem", pemJson(certificate.pem()))
                .put("ownedBy", certificate.owner().value());
        certificate.previousOwner().forEach(previous -> json.put("previousOwnedBy", previous.value()));
        json.put("creationDate", Json.timestamp(certificate.creationDate()))
                .put("lastModifiedDate", Json.timestamp(certificate.lastModifiedDate()))
                .put("customerVersion", certificate.customerVersion());
        json.set("transferData", transferData(certificate.transferData()));
        json.putObject("validity")
                .put("notBefore", Json.timestamp(certificate.validity().notBefore()))
                .put("notAfter", Json.timestamp(certificate.validity().notAfter()));
        return json.put("certificateMode", certificate.mode().name());
    }

    /** {@code Certificate}, the item of ListCertificates. */
    static ObjectNode listItem(Certificate certificate, Region region) {
        return Json.object()
                .put("certificateArn", certificate.arn(region).value())
                .put("certificateId", certificate.id().value())
                .put("status", certificate.status().name())
                .put("certificateMode", certificate.mode().name())
                .put("creationDate", Json.timestamp(certificate.creationDate()));
    }

    /** {@code OutgoingCertificate}, the item of ListOutgoingCertificates. */
    static ObjectNode outgoingItem(Certificate certificate, Region region) {
        var json = Json.object()
                .put("certificateArn", certificate.arn(region).value())
                .put("certificateId", certificate.id().value());
        certificate.pendingTransfer().forEach(pending -> outgoingTransfer(json, pending));
        return json.put("creationDate", Json.timestamp(certificate.creationDate()));
    }

    /** CreateCertificateFromCsr's answer: the certificate's ARN, id and PEM. */
    static ObjectNode issued(RegisterCertificateResult issued) {
        return Json.object()
                .put("certificateArn", issued.certificateArn().value())
                .put("certificateId", issued.certificateId().value())
                .putRawValue("certificatePem", pemJson(issued.certificate().pem()));
    }

    /**
     * CreateKeysAndCertificate's answer: the certificate's ARN, id and PEM, and the key pair in AWS's PascalCase
     * members; the one place a private key is written (docs/behaviour.md#16-certificates-the-deployment-issues).
     */
    static ObjectNode keysAndCertificate(CreateKeysAndCertificateResult created) {
        var json = Json.object()
                .put("certificateArn", created.certificateArn().value())
                .put("certificateId", created.certificateId().value())
                .putRawValue("certificatePem", pemJson(created.certificate().pem()));
        json.putObject("keyPair")
                .put("PublicKey", created.keyPair().publicKey())
                .put("PrivateKey", created.keyPair().privateKey());
        return json;
    }

    /** The envelope's view of a certificate after a change: its id, status and ownership. */
    static ObjectNode summary(Certificate certificate) {
        var json = Json.object()
                .put("certificateId", certificate.id().value())
                .put("status", certificate.status().name())
                .put("ownedBy", certificate.owner().value());
        certificate.previousOwner().forEach(previous -> json.put("previousOwnedBy", previous.value()));
        return json;
    }

    private static void outgoingTransfer(ObjectNode json, Transfer.Pending pending) {
        json.put("transferredTo", pending.target().value()).put("transferDate", Json.timestamp(pending.transferDate()));
        pending.message().forEach(message -> json.put("transferMessage", message.value()));
    }

    private static ObjectNode transferData(TransferData data) {
        var json = Json.object();
        data.transferMessage().forEach(message -> json.put("transferMessage", message.value()));
        data.rejectReason().forEach(reason -> json.put("rejectReason", reason.value()));
        data.transferDate().forEach(date -> json.put("transferDate", Json.timestamp(date)));
        data.acceptDate().forEach(date -> json.put("acceptDate", Json.timestamp(date)));
        data.rejectDate().forEach(date -> json.put("rejectDate", Json.timestamp(date)));
        return json;
    }
}
