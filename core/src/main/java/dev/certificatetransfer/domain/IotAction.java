package dev.certificatetransfer.domain;

/** The IAM actions of the operations this library implements, as the Authorizer is asked about them. */
public enum IotAction {
    TRANSFER_CERTIFICATE("iot:TransferCertificate"),
    ACCEPT_CERTIFICATE_TRANSFER("iot:AcceptCertificateTransfer"),
    REJECT_CERTIFICATE_TRANSFER("iot:RejectCertificateTransfer"),
    CANCEL_CERTIFICATE_TRANSFER("iot:CancelCertificateTransfer"),
    DESCRIBE_CERTIFICATE("iot:DescribeCertificate"),
    UPDATE_CERTIFICATE("iot:UpdateCertificate"),
    DELETE_CERTIFICATE("iot:DeleteCertificate"),
    LIST_CERTIFICATES("iot:ListCertificates"),
    LIST_OUTGOING_CERTIFICATES("iot:ListOutgoingCertificates"),
    REGISTER_CERTIFICATE_WITHOUT_CA("iot:RegisterCertificateWithoutCA");

    private final String iamName;

    IotAction(String iamName) {
        this.iamName = iamName;
    }

    /** The action as IAM policies write it, e.g. {@code iot:CancelCertificateTransfer}. */
    public String iamName() {
        return iamName;
    }
}
