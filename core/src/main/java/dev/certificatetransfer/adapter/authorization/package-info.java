/**
 * Two {@code Authorizer}s: {@link dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer},
 * which allows every authenticated principal everything, and
 * {@link dev.certificatetransfer.adapter.authorization.PolicyAuthorizer}, which evaluates IAM-style policies
 * ({@link dev.certificatetransfer.adapter.authorization.Policy},
 * {@link dev.certificatetransfer.adapter.authorization.Statement}) given as plain Java objects. See
 * docs/behaviour.md, section 10. No method here accepts or returns {@code null}.
 */
package dev.certificatetransfer.adapter.authorization;
