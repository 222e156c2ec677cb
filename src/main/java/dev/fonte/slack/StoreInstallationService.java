package dev.fonte.slack;

import com.google.gson.Gson;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.util.json.GsonFactory;
import dev.fonte.store.SharedStore;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Bolt's installation store over the {@link SharedStore}: each workspace's bot (its token and ids) under
 * {@code slack:installation:<enterprise>:<team>}, so that every replica answers every installed workspace. Only the
 * bot is kept: Fonte acts as its bot, never as the installing user, so no user token is stored. An installation lives
 * for {@code fonte.slack.installation-ttl} and is replaced when the workspace installs again.
 */
@Singleton
class StoreInstallationService implements InstallationService {

    private static final String PREFIX = "slack:installation:";
    private static final String NONE = "-";

    private final SharedStore store;
    private final Duration ttl;
    private final Gson gson = GsonFactory.createSnakeCase();

    StoreInstallationService(SharedStore store, SlackConfiguration configuration) {
        this.store = store;
        this.ttl = configuration.installationTtl();
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("only the latest installation of a workspace is kept");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        saveBot(installer.toBot());
    }

    @Override
    public void saveBot(Bot bot) {
        store.put(key(bot.getEnterpriseId(), bot.getTeamId(), Boolean.TRUE.equals(bot.getIsEnterpriseInstall())),
                gson.toJson(bot), ttl);
    }

    @Override
    public void deleteBot(Bot bot) {
        store.delete(key(bot.getEnterpriseId(), bot.getTeamId(), Boolean.TRUE.equals(bot.getIsEnterpriseInstall())));
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // no user data is kept: nothing to forget
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        store.delete(key(enterpriseId, teamId, false));
        store.delete(key(enterpriseId, teamId, true));
    }

    /** The workspace's own installation, else its organization's (an org-wide install covers every workspace). */
    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return store.get(key(enterpriseId, teamId, false))
                .or(() -> enterpriseId == null ? java.util.Optional.empty() : store.get(key(enterpriseId, null, true)))
                .map(json -> (Bot) gson.fromJson(json, DefaultBot.class))
                .orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    private static String key(String enterpriseId, String teamId, boolean organizationWide) {
        return PREFIX + (enterpriseId == null ? NONE : enterpriseId) + ":"
                + (organizationWide || teamId == null ? NONE : teamId);
    }
}
