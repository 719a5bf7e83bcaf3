package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Rejection;
import io.vavr.control.Either;

/** How many certificates one page holds: 1 to 250, 25 when not given (AWS). */
public record PageSize(int value) {

    public static final int MAX = 250;
    public static final PageSize DEFAULT = new PageSize(25);

    public PageSize {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("a page holds 1 to 250 certificates");
        }
    }

    /** Parses untrusted input; a size outside 1..250 is an {@link Rejection.InvalidRequest}. */
    public static Either<Rejection, PageSize> parse(int raw) {
        return raw >= 1 && raw <= MAX
                ? Either.right(new PageSize(raw))
                : Either.left(new Rejection.InvalidRequest("pageSize must be between 1 and " + MAX));
    }
}
