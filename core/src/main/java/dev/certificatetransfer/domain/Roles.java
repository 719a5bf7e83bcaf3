package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/** Who may do what to a certificate they can see (spec section 3, check 4); a refusal is {@link Rejection.NotAuthorized}. */
public final class Roles {

    private Roles() {
    }

    /** Rule: only the owner transfers, updates or deletes a certificate. */
    public static Either<Rejection, Certificate> onlyOwner(Certificate certificate, AccountId caller, IotAction action) {
        return certificate.owner().equals(caller)
                ? Either.right(certificate)
                : Either.left(refused("Only the owner of the certificate may perform " + action.iamName()));
    }

    /** Rule: only the source account of a pending transfer may cancel it (AWS; the error type is ours). */
    public static Either<Rejection, Transfer.Pending> onlySourceCancels(Transfer.Pending transfer, AccountId caller) {
        return transfer.source().equals(caller)
                ? Either.right(transfer)
                : Either.left(refused("Only the transfer source account may cancel the transfer"));
    }

    /** Rule: only the target account of a pending transfer may accept it (ours for the owner's attempt). */
    public static Either<Rejection, Transfer.Pending> onlyTargetAccepts(Transfer.Pending transfer, AccountId caller) {
        return transfer.target().equals(caller)
                ? Either.right(transfer)
                : Either.left(refused("Only the transfer target account may accept the transfer"));
    }

    /** Rule: only the target account of a pending transfer may reject it (AWS docs: "only the destination"). */
    public static Either<Rejection, Transfer.Pending> onlyTargetRejects(Transfer.Pending transfer, AccountId caller) {
        return transfer.target().equals(caller)
                ? Either.right(transfer)
                : Either.left(refused("Only the transfer target account may reject the transfer"));
    }

    private static Rejection refused(String message) {
        return new Rejection.NotAuthorized(message);
    }
}
