// PLACEHOLDER: replaced by helper-sigv4's version
package dev.certificatetransfer.adapter.http.auth;

import java.util.List;
import java.util.Map;

/** A request as received, before any decoding: what SigV4 signs. Header names lower-cased; a name may repeat. */
public record SignedRequest(String method, String rawPath, String rawQuery,
        Map<String, List<String>> headers, byte[] body) {
}
