package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Option;

import java.util.List;

/**
 * Where the {@link RouteTable} sends a request: one operation, no such path, a wrong method, or a path whose
 * percent-encoding is malformed. A caller handles every kind through a {@link Visitor}, so a new kind does not
 * compile until each caller handles it.
 */
sealed interface Route {

    /** Hands this route to the visitor's method for its kind. */
    <T> T accept(Visitor<T> visitor);

    /** One method per kind of route. */
    interface Visitor<T> {

        /** The operation, with its decoded path label (a certificate id, a name, an ARN), none if its path has none. */
        T found(Operation operation, Option<String> label);

        /** No operation has this path (404). */
        T noSuchPath();

        /** The path exists, but not with this method (405); {@code allowed} goes into the {@code Allow} header. */
        T wrongMethod(List<String> allowed);

        /** The path's percent-encoding is malformed (400). */
        T malformed(Refusal refusal);
    }

    /** The operation, and its decoded path label, none if its path has none. */
    record Found(Operation operation, Option<String> label) implements Route {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.found(operation, label);
        }
    }

    /** No operation has this path. */
    record NoSuchPath() implements Route {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.noSuchPath();
        }
    }

    /** The path exists, but not with this method. */
    record WrongMethod(List<String> allowed) implements Route {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.wrongMethod(allowed);
        }
    }

    /** The path's percent-encoding is malformed: an invalid request. */
    record Malformed(Refusal refusal) implements Route {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.malformed(refusal);
        }
    }
}
