package dev.fonte.answer.provider;

/** The configured provider cannot be built (a missing API key, a malformed base URL): fails the startup, clearly. */
public class ProviderConfigurationException extends RuntimeException {

    public ProviderConfigurationException(String message) {
        super(message);
    }
}
