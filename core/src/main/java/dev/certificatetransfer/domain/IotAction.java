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
    REGISTER_CERTIFICATE_WITHOUT_CA("iot:RegisterCertificateWithoutCA");

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
