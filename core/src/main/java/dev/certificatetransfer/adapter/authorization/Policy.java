package dev.certificatetransfer.adapter.authorization;

import java.util.List;

/**
 * An IAM-style policy document as plain Java objects: a list of statements. Immutable.
 *
 * @param statements the statements, in any order (an explicit deny wins wherever it is)
 */
public record Policy(List<Statement> statements) {

    /**
     * A policy of the statements, copied.
     *
     * @param statements the statements
     * @throws NullPointerException if the list or a statement is null
     */
    public Policy {
        statements = List.copyOf(statements);
    }

    /**
     * A policy of the given statements.
     *
     * @param statements the statements
     * @return the policy
     * @throws NullPointerException if a statement is null
     */
    public static Policy of(Statement... statements) {
        return new Policy(List.of(statements));
    }
}
