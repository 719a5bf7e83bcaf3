package dev.certificatetransfer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.port.in.NameMarker;
import dev.certificatetransfer.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

/** The input rules of things, policies, their documents, certificate ARNs and registry markers (section 17). */
class RegistryValuesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                " {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iot:*\"]}]} ",
                "{\"a\":[1,-2.5e3,0,true,false,null,\"\\u00e9\\n\"],\"b\":{\"c\":{}}}"
            })
    void a_json_object_is_a_policy_document(String document) {
        assertThat(PolicyDocument.parse(document).isRight()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "\"text\"",
                "{",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "{a:1}",
                "{\"a\":01}",
                "{\"a\":1} {}",
                "{\"a\":\"\\x\"}",
                "{\"a\":\"unterminated}",
                "{'a':1}",
                "{\"a\":tru}"
            })
    void anything_else_is_a_malformed_policy(String document) {
        assertThat(PolicyDocument.parse(document).getLeft().code()).isEqualTo(RefusalCode.MALFORMED_POLICY);
    }

    @Test
    void a_document_is_at_most_2048_characters_without_whitespace_and_hostile_nesting_is_refused_not_thrown() {
        var longest = "{\"a\":\"" + "x".repeat(2048 - 8) + "\"}";
        assertThat(longest.length()).isEqualTo(2048);
        assertThat(PolicyDocument.parse(longest.replace("{", "{   \n")).isRight())
                .isTrue();
        assertThat(PolicyDocument.parse(longest.replace("}", "x}")).getLeft().code())
                .isEqualTo(RefusalCode.MALFORMED_POLICY);
        var deep = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertThat(PolicyDocument.parse(deep).getLeft().code()).isEqualTo(RefusalCode.MALFORMED_POLICY);
        assertThat(PolicyDocument.parse(null).getLeft().code()).isEqualTo(RefusalCode.MALFORMED_POLICY);
        var padded = "{" + " ".repeat(PolicyDocument.MAX_TEXT_LENGTH) + "}";
        assertThat(PolicyDocument.parse(padded).getLeft().code()).isEqualTo(RefusalCode.MALFORMED_POLICY);
        assertThat(PolicyDocument.parse("{\"a\":\"\uD800\"}").getLeft().code()).isEqualTo(RefusalCode.MALFORMED_POLICY);
        assertThat(PolicyDocument.parse("{\"a\":\"\uD83D\uDE00\"}").isRight()).isTrue();
    }

    @Test
    void names_have_their_aws_shapes() {
        assertThat(ThingName.parse("a:b_c-1").isRight()).isTrue();
        assertThat(ThingName.parse("x".repeat(128)).isRight()).isTrue();
        for (var bad : new String[] {"", "x".repeat(129), "a b", "a/b", "a.b", "é"}) {
            assertThat(ThingName.parse(bad).getLeft().code()).as(bad).isEqualTo(RefusalCode.INVALID_REQUEST);
        }
        assertThat(PolicyName.parse("a+b=c,d.e@f-g_h").isRight()).isTrue();
        for (var bad : new String[] {"", "x".repeat(129), "a b", "a/b", "a:b", "a*"}) {
            assertThat(PolicyName.parse(bad).getLeft().code()).as(bad).isEqualTo(RefusalCode.INVALID_REQUEST);
        }
        assertThat(ThingName.parse(null).isLeft()).isTrue();
        assertThat(PolicyName.parse(null).isLeft()).isTrue();
    }

    @Test
    void attributes_are_bounded_in_number_and_shape() {
        assertThat(ThingAttributes.parse(Map.of("model", "v1.2", "loc", "a/b:c#d"))
                        .isRight())
                .isTrue();
        assertThat(ThingAttributes.parse(Map.of("bad key", "v")).isLeft()).isTrue();
        assertThat(ThingAttributes.parse(Map.of("k", "bad value")).isLeft()).isTrue();
        assertThat(ThingAttributes.parse(Map.of("k", "x".repeat(801))).isLeft()).isTrue();
        var many = new java.util.HashMap<String, String>();
        for (int i = 0; i <= ThingAttributes.MAX_ATTRIBUTES; i++) {
            many.put("k" + i, "v");
        }
        assertThat(ThingAttributes.parse(many).isLeft()).isTrue();
        assertThat(ThingAttributes.parse(null).get()).isEqualTo(ThingAttributes.NONE);
    }

    @Test
    void a_certificate_arn_is_parsed_with_its_region_account_and_id() {
        var id = TestCertificates.id(0);
        var arn = CertificateArn.parse(
                        "arn:aws:iot:eu-west-1:123456789012:cert/" + id.value().toUpperCase(java.util.Locale.ROOT))
                .get();
        assertThat(arn).isEqualTo(new CertificateArn(new Region("eu-west-1"), new AccountId("123456789012"), id));
        for (var bad : new String[] {
            "",
            "arn:aws:iot:us-east-1:123456789012:thing/x",
            "arn:aws:iot:us-east-1:123456789012:cert/abc",
            "arn:aws:s3:us-east-1:123456789012:cert/" + id.value(),
            "arn:aws:iot:US:123456789012:cert/" + id.value(),
            "arn:aws:iot:us-east-1:12:34:cert/" + id.value()
        }) {
            assertThat(CertificateArn.parse(bad).getLeft().code()).as(bad).isEqualTo(RefusalCode.INVALID_REQUEST);
        }
        assertThat(CertificateArn.parse(null).isLeft()).isTrue();
    }

    @Test
    void a_name_marker_round_trips_and_refuses_what_this_service_did_not_issue() {
        var marker = NameMarker.after("device-policy");
        assertThat(NameMarker.parse(marker.value()).get()).isEqualTo(marker);
        for (var bad : new String[] {"", "!!!", "bm90IG91cnM=", "x".repeat(1025)}) {
            assertThat(NameMarker.parse(bad).getLeft().code()).as(bad).isEqualTo(RefusalCode.INVALID_REQUEST);
        }
        assertThat(NameMarker.parse(null).isLeft()).isTrue();
    }
}
