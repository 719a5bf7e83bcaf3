package dev.certificatetransfer.adapter.authorization;

import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Resource;

import java.util.List;
import java.util.Objects;

/**
 * One statement of an IAM-style policy: an effect on actions (matched case-insensitively, as IAM does) and
 * resources (matched case-sensitively), each a list of patterns with {@code *} and {@code ?} wildcards.
 * Patterns are prepared once, here, so evaluation compiles nothing. Immutable.
 */
public final class Statement {

    private final Effect effect;
    private final List<String> actions;
    private final List<String> resources;
    private final List<WildcardPattern> actionPatterns;
    private final List<WildcardPattern> resourcePatterns;

    /**
     * A statement.
     *
     * @param effect whether it allows or denies
     * @param actions the action patterns, e.g. {@code iot:*Transfer*}; at least one
     * @param resources the resource patterns, e.g. {@code arn:aws:iot:*:123456789012:cert/*} or {@code *}; at least
     *        one
     * @throws NullPointerException if an argument or a pattern is null
     * @throws IllegalArgumentException if {@code actions} or {@code resources} is empty
     */
    public Statement(Effect effect, List<String> actions, List<String> resources) {
        this.effect = Objects.requireNonNull(effect, "effect");
        this.actions = List.copyOf(actions);
        this.resources = List.copyOf(resources);
        if (this.actions.isEmpty() || this.resources.isEmpty()) {
            throw new IllegalArgumentException("a statement names at least one action and one resource");
        }
        this.actionPatterns =
                this.actions.stream().map(a -> new WildcardPattern(a, true)).toList();
        this.resourcePatterns =
                this.resources.stream().map(r -> new WildcardPattern(r, false)).toList();
    }

    /**
     * A statement that allows the actions on the resources.
     *
     * @param actions the action patterns; at least one
     * @param resources the resource patterns; at least one
     * @return the statement
     * @throws IllegalArgumentException if either list is empty
     */
    public static Statement allow(List<String> actions, List<String> resources) {
        return new Statement(Effect.ALLOW, actions, resources);
    }

    /**
     * A statement that denies the actions on the resources.
     *
     * @param actions the action patterns; at least one
     * @param resources the resource patterns; at least one
     * @return the statement
     * @throws IllegalArgumentException if either list is empty
     */
    public static Statement deny(List<String> actions, List<String> resources) {
        return new Statement(Effect.DENY, actions, resources);
    }

    /**
     * Whether the statement allows or denies.
     *
     * @return the effect
     */
    public Effect effect() {
        return effect;
    }

    /**
     * The action patterns, as given.
     *
     * @return an unmodifiable list, never empty
     */
    public List<String> actions() {
        return actions;
    }

    /**
     * The resource patterns, as given.
     *
     * @return an unmodifiable list, never empty
     */
    public List<String> resources() {
        return resources;
    }

    /**
     * Whether the statement names the action and the resource.
     *
     * @param action the action asked about
     * @param resource the resource asked about
     * @return whether an action pattern matches the action's IAM name and a resource pattern the resource
     */
    public boolean matches(IotAction action, Resource resource) {
        return anyMatch(actionPatterns, action.iamName()) && anyMatch(resourcePatterns, resource.value());
    }

    private static boolean anyMatch(List<WildcardPattern> patterns, String text) {
        for (WildcardPattern pattern : patterns) {
            if (pattern.matches(text)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Statement s
                && effect == s.effect
                && actions.equals(s.actions)
                && resources.equals(s.resources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(effect, actions, resources);
    }

    @Override
    public String toString() {
        return "Statement[effect=" + effect + ", actions=" + actions + ", resources=" + resources + ']';
    }
}
