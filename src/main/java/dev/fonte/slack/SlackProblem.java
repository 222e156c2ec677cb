package dev.fonte.slack;

import io.micronaut.serde.annotation.Serdeable;

/** An RFC 7807 problem body ({@code application/problem+json}). */
@Serdeable
record SlackProblem(String type, String title, int status, String detail) {
}
