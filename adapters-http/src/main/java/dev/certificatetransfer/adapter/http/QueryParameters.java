package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.HashMap;
import java.util.Map;

/**
 * The query string, split at {@code &} and {@code =} and each name and value percent-decoded exactly once. Names
 * are matched exactly ({@code targetAwsAccount}, not {@code targetawsaccount}); unknown names are ignored, and a
 * name the operation reads that appears twice is an invalid request (which one would win is not obvious).
 */
final class QueryParameters {

    private static final QueryParameters NONE = new QueryParameters(Map.of(), Map.of());

    private final Map<String, String> values;
    private final Map<String, Integer> counts;

    private QueryParameters(Map<String, String> values, Map<String, Integer> counts) {
        this.values = values;
        this.counts = counts;
    }

    static Either<Refusal, QueryParameters> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Either.right(NONE);
        }
        var values = new HashMap<String, String>();
        var counts = new HashMap<String, Integer>();
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            var name = PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals));
            var value = PercentDecoding.decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (name.isLeft() || value.isLeft()) {
                return Either.left(name.isLeft() ? name.getLeft() : value.getLeft());
            }
            values.putIfAbsent(name.get(), value.get());
            counts.merge(name.get(), 1, Integer::sum);
        }
        return Either.right(new QueryParameters(values, counts));
    }

    /** The value of an optional parameter; a repeated one is an invalid request. */
    Either<Refusal, Option<String>> optional(String name) {
        if (counts.getOrDefault(name, 0) > 1) {
            return Either.left(new Refusal.InvalidRequest(name + " must be given at most once"));
        }
        return Either.right(Option.of(values.get(name)));
    }

    /** The value of a required parameter; a missing or repeated one is an invalid request. */
    Either<Refusal, String> required(String name) {
        return optional(name).flatMap(value -> value.toEither(() -> new Refusal.InvalidRequest(name + " is required")));
    }

    /**
     * An optional boolean: exactly {@code true} or {@code false}, as the SDKs and the CLI write it; absent means
     * {@code false} (Smithy's default); anything else is an invalid request.
     */
    Either<Refusal, Boolean> flag(String name) {
        return optional(name)
                .flatMap(value -> value.isEmpty()
                        ? Either.right(false)
                        : "true".equals(value.get())
                                ? Either.right(true)
                                : "false".equals(value.get())
                                        ? Either.right(false)
                                        : Either.left(new Refusal.InvalidRequest(name + " must be true or false")));
    }
}
