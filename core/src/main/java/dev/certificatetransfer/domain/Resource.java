package dev.certificatetransfer.domain;

/** What an action is performed on, as the Authorizer sees it: a certificate's, thing's or policy's ARN, or any. */
public sealed interface Resource permits CertificateArn, ThingArn, PolicyArn, Resource.Any {

    /**
     * The resource as IAM writes it.
     *
     * @return e.g. {@code arn:aws:iot:us-east-1:123456789012:cert/<id>}, or {@code *}
     */
    String value();

    /** The resource of actions that name no certificate, such as the list operations: IAM's {@code *}. */
    Any ANY = new Any();

    /** IAM's {@code *}: the resource of actions that name no certificate; use {@link #ANY}. */
    record Any() implements Resource {
        /**
         * IAM's wildcard.
         *
         * @return {@code *}
         */
        @Override
        public String value() {
            return "*";
        }
    }
}
