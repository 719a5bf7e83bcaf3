package dev.certificatetransfer.adapter.authorization;

import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Resource;
import dev.certificatetransfer.port.out.Authorizer;
import dev.certificatetransfer.port.out.Permission;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An {@link Authorizer} that evaluates IAM-style policies, as IAM does within one account: an explicit
 * {@link Effect#DENY} that matches wins, else a matching {@link Effect#ALLOW} allows, else the answer is deny
 * (docs/behaviour.md, section 10). Thread-safe when the function that finds a principal's policies is.
 */
public final class PolicyAuthorizer implements Authorizer {

    private final Function<Principal, List<Policy>> policiesOf;

    /**
     * Evaluates the policies that the function returns for each principal (an empty list denies everything).
     *
     * @param policiesOf the policies of a principal, asked on every call; it returns no {@code null}
     * @throws NullPointerException if it is null
     */
    public PolicyAuthorizer(Function<Principal, List<Policy>> policiesOf) {
        this.policiesOf = Objects.requireNonNull(policiesOf, "policiesOf");
    }

    /**
     * Evaluates the same policies for every principal.
     *
     * @param policies the policies, copied
     * @return the authorizer
     * @throws NullPointerException if the list or a policy is null
     */
    public static PolicyAuthorizer forEveryone(List<Policy> policies) {
        var fixed = List.copyOf(policies);
        return new PolicyAuthorizer(principal -> fixed);
    }

    @Override
    public Permission authorize(Principal principal, IotAction action, Resource resource) {
        boolean allowed = false;
        for (Policy policy : policiesOf.apply(principal)) {
            for (Statement statement : policy.statements()) {
                if (statement.matches(action, resource)) {
                    if (statement.effect() == Effect.DENY) {
                        return Permission.REFUSED;
                    }
                    allowed = true;
                }
            }
        }
        return allowed ? Permission.ALLOWED : Permission.REFUSED;
    }
}
