package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.OperationCalls.Input;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The thing and policy calls of {@link OperationCalls}: CreateThing, DescribeThing, DeleteThing, CreatePolicy,
 * GetPolicy and DeletePolicy. The name comes from the path, the rest from the body or the query, each parsed by the
 * core's typed {@code parse} (docs/behaviour.md#17-things-policies-and-attachments).
 */
final class RegistryCalls {

    private static final Pattern VERSION = Pattern.compile("-?[0-9]{1,18}");

    private final CertificateTransferUseCases service;

    RegistryCalls(CertificateTransferUseCases service) {
        this.service = service;
    }

    /**
     * The name, then the body: {@code attributePayload.attributes}; a thing type or billing group is refused, as
     * none exists here.
     */
    Either<Refusal, Output> createThing(Input in) {
        return in.label(ThingName::parse)
                .flatMap(name -> absent(in.body(), "thingTypeName", "thing types")
                        .flatMap(body -> absent(body, "billingGroupName", "billing groups"))
                        .flatMap(RegistryCalls::attributes)
                        .flatMap(attributes -> service.createThing(in.caller(), name, attributes)))
                .map(Output.ThingCreated::new);
    }

    Either<Refusal, Output> describeThing(Input in) {
        return in.label(ThingName::parse)
                .flatMap(name -> service.describeThing(in.caller(), name))
                .map(Output.ThingDescribed::new);
    }

    Either<Refusal, Output> deleteThing(Input in) {
        return in.label(ThingName::parse)
                .flatMap(name -> in.query()
                        .optional("expectedVersion")
                        .flatMap(version -> OperationCalls.optional(version, RegistryCalls::version))
                        .flatMap(version -> service.deleteThing(in.caller(), name, version)))
                .map(Output.ThingDeleted::new);
    }

    /** The name, then {@code policyDocument}: a missing or malformed one is MALFORMED_POLICY, as the core says. */
    Either<Refusal, Output> createPolicy(Input in) {
        return in.label(PolicyName::parse)
                .flatMap(name -> in.body()
                        .string("policyDocument")
                        .flatMap(document -> PolicyDocument.parse(document.getOrNull()))
                        .flatMap(document -> service.createPolicy(in.caller(), name, document)))
                .map(Output.PolicyCreated::new);
    }

    Either<Refusal, Output> getPolicy(Input in) {
        return in.label(PolicyName::parse)
                .flatMap(name -> service.getPolicy(in.caller(), name))
                .map(Output.PolicyRead::new);
    }

    Either<Refusal, Output> deletePolicy(Input in) {
        return in.label(PolicyName::parse)
                .flatMap(name -> service.deletePolicy(in.caller(), name))
                .map(Output.PolicyDeleted::new);
    }

    private static Either<Refusal, ThingAttributes> attributes(RequestBody body) {
        return body.object("attributePayload")
                .flatMap(payload -> payload.isEmpty()
                        ? Either.right(Option.<Map<String, String>>none())
                        : payload.get().stringMap("attributes"))
                .flatMap(attributes -> ThingAttributes.parse(attributes.getOrNull()));
    }

    /** The body, if it does not give the member, which names something this service does not keep. */
    private static Either<Refusal, RequestBody> absent(RequestBody body, String member, String what) {
        return body.string(member)
                .filterOrElse(
                        Option::isEmpty,
                        given -> new Refusal.InvalidRequest(
                                "This service keeps no " + what + ": " + member + " is not supported"))
                .map(none -> body);
    }

    /** {@code expectedVersion}: an ASCII whole number (a version a thing never has is a version conflict). */
    private static Either<Refusal, Long> version(String raw) {
        return VERSION.matcher(raw).matches()
                ? Either.right(Long.parseLong(raw))
                : Either.left(new Refusal.InvalidRequest("expectedVersion must be a whole number"));
    }
}
