package dev.fonte.slack;

import com.slack.api.bolt.service.OAuthStateService;
import dev.fonte.store.SharedStore;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Bolt's install-link states over the {@link SharedStore}: the state {@code /slack/install} issues (also set as a
 * cookie in the installer's browser) is accepted once by {@code /slack/oauth/callback}, within
 * {@code fonte.slack.install-state-ttl}, on whichever replica the browser comes back to.
 */
@Singleton
class StoreOAuthStateService implements OAuthStateService {

    private static final String PREFIX = "slack:oauth-state:";

    private final SharedStore store;
    private final Duration ttl;

    StoreOAuthStateService(SharedStore store, SlackConfiguration configuration) {
        this.store = store;
        this.ttl = configuration.installStateTtl();
    }

    @Override
    public long getExpirationInSeconds() {
        return ttl.toSeconds();
    }

    @Override
    public void addNewStateToDatastore(String state) {
        store.put(PREFIX + state, "issued", ttl);
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return store.get(PREFIX + state).isPresent();
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        store.delete(PREFIX + state);
    }
}
