package dev.certificatetransfer.adapter.authorization;

import java.util.List;

/** An IAM-style policy document as plain Java objects: a list of statements. */
public record Policy(List<Statement> statements) {

    public Policy {
        statements = List.copyOf(statements);
    }

    public static Policy of(Statement... statements) {
        return new Policy(List.of(statements));
    }
}
