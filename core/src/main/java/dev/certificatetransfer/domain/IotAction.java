package dev.certificatetransfer.domain;

/** The IAM actions of the operations this library implements, as the Authorizer is asked about them. */
public enum IotAction {
    /** {@code iot:TransferCertificate}. */
    TRANSFER_CERTIFICATE("iot:TransferCertificate"),
    /** {@code iot:AcceptCertificateTransfer}. */
    ACCEPT_CERTIFICATE_TRANSFER("iot:AcceptCertificateTransfer"),
    /** {@code iot:RejectCertificateTransfer}. */
    REJECT_CERTIFICATE_TRANSFER("iot:RejectCertificateTransfer"),
    /** {@code iot:CancelCertificateTransfer}. */
    CANCEL_CERTIFICATE_TRANSFER("iot:CancelCertificateTransfer"),
    /** {@code iot:DescribeCertificate}. */
    DESCRIBE_CERTIFICATE("iot:DescribeCertificate"),
    /** {@code iot:UpdateCertificate}. */
    UPDATE_CERTIFICATE("iot:UpdateCertificate"),
    /** {@code iot:DeleteCertificate}. */
    DELETE_CERTIFICATE("iot:DeleteCertificate"),
    /** {@code iot:ListCertificates}. */
    LIST_CERTIFICATES("iot:ListCertificates"),
    /** {@code iot:ListOutgoingCertificates}. */
    LIST_OUTGOING_CERTIFICATES("iot:ListOutgoingCertificates"),
    /** {@code iot:RegisterCertificateWithoutCA}. */
    REGISTER_CERTIFICATE_WITHOUT_CA("iot:RegisterCertificateWithoutCA"),
    /** {@code iot:CreateKeysAndCertificate}. */
    CREATE_KEYS_AND_CERTIFICATE("iot:CreateKeysAndCertificate"),
    /** {@code iot:CreateCertificateFromCsr}. */
    CREATE_CERTIFICATE_FROM_CSR("iot:CreateCertificateFromCsr"),
    /** {@code iot:CreateThing}. */
    CREATE_THING("iot:CreateThing"),
    /** {@code iot:DescribeThing}. */
    DESCRIBE_THING("iot:DescribeThing"),
    /** {@code iot:DeleteThing}. */
    DELETE_THING("iot:DeleteThing"),
    /** {@code iot:CreatePolicy}. */
    CREATE_POLICY("iot:CreatePolicy"),
    /** {@code iot:GetPolicy}. */
    GET_POLICY("iot:GetPolicy"),
    /** {@code iot:DeletePolicy}. */
    DELETE_POLICY("iot:DeletePolicy"),
    /** {@code iot:AttachPolicy}. */
    ATTACH_POLICY("iot:AttachPolicy"),
    /** {@code iot:DetachPolicy}. */
    DETACH_POLICY("iot:DetachPolicy"),
    /** {@code iot:ListAttachedPolicies}. */
    LIST_ATTACHED_POLICIES("iot:ListAttachedPolicies"),
    /** {@code iot:ListTargetsForPolicy}. */
    LIST_TARGETS_FOR_POLICY("iot:ListTargetsForPolicy"),
    /** {@code iot:AttachThingPrincipal}. */
    ATTACH_THING_PRINCIPAL("iot:AttachThingPrincipal"),
    /** {@code iot:DetachThingPrincipal}. */
    DETACH_THING_PRINCIPAL("iot:DetachThingPrincipal"),
    /** {@code iot:ListPrincipalThings}. */
    LIST_PRINCIPAL_THINGS("iot:ListPrincipalThings"),
    /** {@code iot:ListThingPrincipals}. */
    LIST_THING_PRINCIPALS("iot:ListThingPrincipals");

    private final String iamName;

    IotAction(String iamName) {
        this.iamName = iamName;
    }

    /**
     * The action as IAM policies write it.
     *
     * @return e.g. {@code iot:CancelCertificateTransfer}
     */
    public String iamName() {
        return iamName;
    }
}
