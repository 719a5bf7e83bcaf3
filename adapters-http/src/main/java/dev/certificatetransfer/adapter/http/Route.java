package dev.certificatetransfer.adapter.http;

import java.util.List;

/** Where a request goes: one operation (with its decoded path label), no such path, or a wrong method. */
sealed interface Route {

    /** The operation, and its decoded certificate id label ({@code null} for the listings and register). */
    record Found(Operation operation, String label) implements Route {
    }

    /** No operation has this path (404). */
    record NoSuchPath() implements Route {
    }

    /** The path exists, but not with this method (405); {@code allowed} goes into the {@code Allow} header. */
    record WrongMethod(List<String> allowed) implements Route {
    }
}
