package dev.certificatetransfer.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyArn;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.NamePage;

/**
 * Things, policies and the listings of attachments in AWS's output shapes (docs/behaviour.md#13-on-the-wire),
 * member names and order as in the service model; both dialects write these.
 */
final class RegistryJson {

    private RegistryJson() {}

    /** CreateThing's answer. */
    static ObjectNode thingCreated(Thing thing, Region region) {
        return Json.object()
                .put("thingName", thing.name().value())
                .put("thingArn", thing.arn(region).value())
                .put("thingId", thing.thingId().toString());
    }

    /** DescribeThing's answer; AWS's default client id is the thing's name. */
    static ObjectNode thingDescription(Thing thing, Region region) {
        var json = Json.object()
                .put("defaultClientId", thing.name().value())
                .put("thingName", thing.name().value())
                .put("thingId", thing.thingId().toString())
                .put("thingArn", thing.arn(region).value());
        var attributes = json.putObject("attributes");
        thing.attributes().values().forEach(attribute -> attributes.put(attribute._1, attribute._2));
        return json.put("version", thing.version());
    }

    /** CreatePolicy's answer. */
    static ObjectNode policyCreated(IotPolicy policy, Region region) {
        return Json.object()
                .put("policyName", policy.name().value())
                .put("policyArn", policy.arn(region).value())
                .put("policyDocument", policy.document().value())
                .put("policyVersionId", IotPolicy.VERSION_ID);
    }

    /** GetPolicy's answer; nothing served here changes a policy, so it was last modified when created. */
    static ObjectNode policy(IotPolicy policy, Region region) {
        return Json.object()
                .put("policyName", policy.name().value())
                .put("policyArn", policy.arn(region).value())
                .put("policyDocument", policy.document().value())
                .put("defaultVersionId", IotPolicy.VERSION_ID)
                .put("creationDate", Json.timestamp(policy.creationDate()))
                .put("lastModifiedDate", Json.timestamp(policy.creationDate()))
                .put("generationId", policy.generationId());
    }

    /** ListAttachedPolicies' answer: {@code policies} [{@code policyName}, {@code policyArn}], {@code nextMarker}. */
    static ObjectNode attachedPolicies(NamePage<PolicyArn> page) {
        var json = Json.object();
        var policies = json.putArray("policies");
        page.items()
                .forEach(arn -> policies.addObject()
                        .put("policyName", arn.policyName().value())
                        .put("policyArn", arn.value()));
        page.nextMarker().forEach(marker -> json.put("nextMarker", marker.value()));
        return json;
    }

    /** ListTargetsForPolicy's answer: the certificates' ARNs in {@code targets}, and {@code nextMarker}. */
    static ObjectNode policyTargets(NamePage<CertificateArn> page) {
        var json = Json.object();
        var targets = json.putArray("targets");
        page.items().forEach(arn -> targets.add(arn.value()));
        page.nextMarker().forEach(marker -> json.put("nextMarker", marker.value()));
        return json;
    }

    /** ListPrincipalThings' answer: the things' names in {@code things}, and {@code nextToken}. */
    static ObjectNode principalThings(NamePage<ThingName> page) {
        var json = Json.object();
        var things = json.putArray("things");
        page.items().forEach(name -> things.add(name.value()));
        page.nextMarker().forEach(marker -> json.put("nextToken", marker.value()));
        return json;
    }

    /** ListThingPrincipals' answer: the certificates' ARNs in {@code principals}, and {@code nextToken}. */
    static ObjectNode thingPrincipals(NamePage<CertificateArn> page) {
        var json = Json.object();
        var principals = json.putArray("principals");
        page.items().forEach(arn -> principals.add(arn.value()));
        page.nextMarker().forEach(marker -> json.put("nextToken", marker.value()));
        return json;
    }
}
