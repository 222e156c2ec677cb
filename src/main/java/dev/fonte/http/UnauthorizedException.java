package dev.fonte.http;

/**
 * A request that needs a credential it did not bring, or brought a wrong one: 401 with
 * {@code WWW-Authenticate: Bearer realm="<realm>"}.
 */
public class UnauthorizedException extends RuntimeException {

    private final String realm;

    public UnauthorizedException(String realm, String message) {
        super(message);
        this.realm = realm;
    }

    public String realm() {
        return realm;
    }
}
