package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps a policy to its {@code registry_policy} row and back; the document is stored as its creator wrote it. */
final class PolicyRows {

    /** The columns {@link #values} fills, in order; the owner and the name first. */
    static final String COLUMNS = "owner, name, document, creation_date";

    private PolicyRows() {}

    /** The policy's values in {@link #COLUMNS} order. */
    static SqlArguments values(IotPolicy policy) {
        return new SqlArguments()
                .text(policy.owner().value())
                .text(policy.name().value())
                .text(policy.document().value())
                .time(policy.creationDate());
    }

    /** The policy of the row the result set is on, selected with {@link #COLUMNS}. */
    static IotPolicy read(ResultSet row) throws SQLException {
        return new IotPolicy(
                new PolicyName(row.getString("name")),
                new AccountId(row.getString("owner")),
                new PolicyDocument(row.getString("document")),
                CertificateRows.time(row, "creation_date"));
    }
}
