package dev.fonte.eval;

/** Bad command-line arguments: reported with the usage text, exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
