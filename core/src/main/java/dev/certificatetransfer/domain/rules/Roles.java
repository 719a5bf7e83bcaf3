package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Transfer;
import io.vavr.control.Either;

/** Who may do what to a certificate they can see (spec section 3, check 4); a refusal is {@link Refusal.Unauthorized}. */
public final class Roles {

    private Roles() {
    }

    /** Rule: only the owner transfers, updates or deletes a certificate. */
    public static Either<Refusal, Certificate> onlyOwner(Certificate certificate, AccountId caller, IotAction action) {
        return certificate.owner().equals(caller)
                ? Either.right(certificate)
                : Either.left(refused("Only the owner of the certificate may perform " + action.iamName()));
    }

    /** Rule: only the source account of a pending transfer may cancel it (AWS; the error type is ours). */
    public static Either<Refusal, Transfer.Pending> onlySourceCancels(Transfer.Pending transfer, AccountId caller) {
        return transfer.source().equals(caller)
                ? Either.right(transfer)
                : Either.left(refused("Only the transfer source account may cancel the transfer"));
    }

    /** Rule: only the target account of a pending transfer may accept it (ours for the owner's attempt). */
    public static Either<Refusal, Transfer.Pending> onlyTargetAccepts(Transfer.Pending transfer, AccountId caller) {
        return transfer.target().equals(caller)
                ? Either.right(transfer)
                : Either.left(refused("Only the transfer target account may accept the transfer"));
    }

    /** Rule: only the target account of a pending transfer may reject it (AWS docs: "only the destination"). */
    public static Either<Refusal, Transfer.Pending> onlyTargetRejects(Transfer.Pending transfer, AccountId caller) {
        return transfer.target().equals(caller)
                ? Either.right(transfer)
                : Either.left(refused("Only the transfer target account may reject the transfer"));
    }

    private static Refusal refused(String message) {
        return new Refusal.Unauthorized(message);
    }
}
