package dev.certificatetransfer.adapter.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request's JSON body (docs/behaviour.md#13-on-the-wire): absent, empty (or only whitespace), {@code {}} and
 * unknown members are accepted; bytes that are not UTF-8, text that is not one JSON value, a value that is not an
 * object, and a member of the wrong type are an invalid request. A member set to {@code null} counts as absent
 * (restJson1).
 */
final class RequestBody {

    private static final RequestBody EMPTY = new RequestBody(Json.object());

    private final ObjectNode members;

    private RequestBody(ObjectNode members) {
        this.members = members;
    }

    static Either<Refusal, RequestBody> parse(byte[] body) {
        if (body.length == 0) {
            return Either.right(EMPTY);
        }
        return utf8(body).flatMap(RequestBody::json);
    }

    /** An optional string member. */
    Either<Refusal, Option<String>> string(String name) {
        JsonNode value = members.get(name);
        if (value == null || value.isNull()) {
            return Either.right(Option.none());
        }
        return value.isTextual()
                ? Either.right(Option.some(value.textValue()))
                : Either.left(new Refusal.InvalidRequest(name + " must be a string"));
    }

    /** A required string member; a missing one is an invalid request. */
    Either<Refusal, String> requiredString(String name) {
        return string(name).flatMap(value -> value.toEither(() -> new Refusal.InvalidRequest(name + " is required")));
    }

    /** An optional object member, whose own members are read like a body's. */
    Either<Refusal, Option<RequestBody>> object(String name) {
        JsonNode value = members.get(name);
        if (value == null || value.isNull()) {
            return Either.right(Option.none());
        }
        return value instanceof ObjectNode object
                ? Either.right(Option.some(new RequestBody(object)))
                : Either.left(new Refusal.InvalidRequest(name + " must be an object"));
    }

    /** An optional object member whose every member is a string, as a map in the members' order. */
    Either<Refusal, Option<Map<String, String>>> stringMap(String name) {
        return object(name).flatMap(object -> {
            if (object.isEmpty()) {
                return Either.right(Option.none());
            }
            var map = new LinkedHashMap<String, String>();
            for (var member : object.get().members.properties()) {
                if (!member.getValue().isTextual()) {
                    return Either.left(new Refusal.InvalidRequest("the values of " + name + " must be strings"));
                }
                map.put(member.getKey(), member.getValue().textValue());
            }
            return Either.right(Option.some(map));
        });
    }

    private static Either<Refusal, String> utf8(byte[] body) {
        try {
            return Either.right(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Either.left(new Refusal.InvalidRequest("The request body is not UTF-8 text"));
        }
    }

    private static Either<Refusal, RequestBody> json(String text) {
        if (text.isBlank()) {
            return Either.right(EMPTY);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node instanceof ObjectNode object
                    ? Either.right(new RequestBody(object))
                    : Either.left(new Refusal.InvalidRequest("The request body must be a JSON object"));
        } catch (JacksonException e) {
            return Either.left(new Refusal.InvalidRequest("The request body is not valid JSON"));
        }
    }
}
