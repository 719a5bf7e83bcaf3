package dev.certificatetransfer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import io.vavr.control.Either;

/**
 * Checks that each answer of a parse is a value or a refusal with the one expected code, and counts both, so a
 * property can also show that its generator reached each side often enough to prove something.
 */
public final class ParseAnswers {

    private final RefusalCode refusal;
    private int values;
    private int refusals;

    public ParseAnswers(RefusalCode refusal) {
        this.refusal = refusal;
    }

    /** The answer, once it is known to be a non-null value or a refusal with the expected code and a message. */
    public <T> Either<Refusal, T> check(Either<Refusal, T> answer) {
        assertThat(answer).isNotNull();
        if (answer.isRight()) {
            assertThat(answer.get()).isNotNull();
            values++;
        } else {
            assertThat(answer.getLeft().code()).isEqualTo(refusal);
            assertThat(answer.getLeft().message()).isNotBlank();
            refusals++;
        }
        return answer;
    }

    /** Both answers were given at least {@code times} times over the run. */
    public void bothSeenAtLeast(int times) {
        assertThat(values).as("inputs that parsed (of %d)", values + refusals).isGreaterThanOrEqualTo(times);
        assertThat(refusals)
                .as("inputs that were refused (of %d)", values + refusals)
                .isGreaterThanOrEqualTo(times);
    }
}
