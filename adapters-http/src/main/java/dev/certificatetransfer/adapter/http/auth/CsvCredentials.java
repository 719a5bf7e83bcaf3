package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads credentials from a CSV file with the header {@code account_id,access_key_id,secret_access_key,bearer_token}
 * (the token may be empty or left out). Each line's access key and token act as the account's root principal,
 * {@code arn:aws:iam::<account>:root}: the file names accounts, not IAM users. Blank lines are skipped. A
 * malformed file is refused as a whole with a {@link CredentialsFileException} naming the line.
 */
public final class CsvCredentials {

    static final String HEADER = "account_id,access_key_id,secret_access_key,bearer_token";

    private final InMemoryCredentialsStore store = new InMemoryCredentialsStore();
    private final Map<String, Integer> keyLines = new HashMap<>();
    private final Map<String, Integer> tokenLines = new HashMap<>();

    private CsvCredentials() {}

    /**
     * Loads the credentials of a file.
     *
     * @param csv the file, UTF-8 (a byte-order mark is allowed)
     * @return a store holding every access key and bearer token of the file
     * @throws UncheckedIOException if the file cannot be read
     * @throws CredentialsFileException if the file is malformed (naming the line, never a secret)
     */
    public static InMemoryCredentialsStore load(Path csv) {
        try {
            return parse(Files.readAllLines(csv, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the credentials file " + csv, unreadable);
        }
    }

    static InMemoryCredentialsStore parse(List<String> lines) {
        if (lines.isEmpty() || !stripBom(lines.get(0)).strip().equals(HEADER)) {
            throw new CredentialsFileException(1, "the first line must be the header " + HEADER);
        }
        var loader = new CsvCredentials();
        for (int index = 1; index < lines.size(); index++) {
            if (!lines.get(index).isBlank()) {
                loader.add(index + 1, lines.get(index).strip().split(",", -1));
            }
        }
        return loader.store;
    }

    private void add(int line, String[] columns) {
        if (columns.length != 3 && columns.length != 4) {
            throw new CredentialsFileException(line, "expected 4 columns (" + HEADER + "), found " + columns.length);
        }
        var account = AccountId.parse(columns[0].strip())
                .getOrElseThrow(rejected -> new CredentialsFileException(
                        line, "account_id must be 1 to 64 ASCII letters, digits, '.', '_' and '-'"));
        String keyId = accessKeyId(line, columns[1].strip());
        String secret = columns[2].strip();
        if (secret.isEmpty()) {
            throw new CredentialsFileException(line, "secret_access_key is empty");
        }
        var principal = Principal.root(account);
        store.add(new AccessKey(keyId, Secret.of(secret), principal));
        String token = columns.length == 4 ? columns[3].strip() : "";
        if (!token.isEmpty()) {
            unique(
                    tokenLines,
                    SigV4Authenticator.sha256Hex(token.getBytes(StandardCharsets.UTF_8)),
                    line,
                    "bearer_token");
            store.addBearerToken(token, principal);
        }
    }

    private String accessKeyId(int line, String keyId) {
        if (keyId.isEmpty() || !keyId.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
            throw new CredentialsFileException(line, "access_key_id must be letters, digits or '_', and not empty");
        }
        unique(keyLines, keyId, line, "access_key_id " + keyId);
        return keyId;
    }

    private static void unique(Map<String, Integer> seen, String value, int line, String what) {
        Integer first = seen.putIfAbsent(value, line);
        if (first != null) {
            throw new CredentialsFileException(line, "duplicate " + what + " (first on line " + first + ")");
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
