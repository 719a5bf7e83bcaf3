package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Either;

import java.util.ArrayList;
import java.util.List;

/**
 * The one route table of both dialects: finds the {@link Operation} for a method and a raw path. Each path segment
 * is percent-decoded exactly once after the path is split at {@code /}, so an encoded {@code %2F} stays inside its
 * segment. Methods are matched case-sensitively (RFC 9110).
 */
final class RouteTable {

    private RouteTable() {}

    /** The route of a request; malformed percent-encoding in the path is {@link Route.Malformed}. */
    static Route route(String method, String rawPath) {
        if (!rawPath.startsWith("/")) {
            return new Route.NoSuchPath();
        }
        return segments(rawPath).fold(Route.Malformed::new, segments -> route(method, segments));
    }

    private static Route route(String method, List<String> segments) {
        var allowed = new ArrayList<String>();
        for (Operation operation : Operation.values()) {
            if (operation.matches(segments)) {
                if (operation.method().equals(method)) {
                    return new Route.Found(operation, operation.label(segments));
                }
                allowed.add(operation.method());
            }
        }
        return allowed.isEmpty() ? new Route.NoSuchPath() : new Route.WrongMethod(List.copyOf(allowed));
    }

    private static Either<Refusal, List<String>> segments(String rawPath) {
        var decoded = new ArrayList<String>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            var segment = PercentDecoding.decode(raw);
            if (segment.isLeft()) {
                return Either.left(segment.getLeft());
            }
            decoded.add(segment.get());
        }
        return Either.right(decoded);
    }
}
