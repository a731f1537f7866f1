package kr.dolbom.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The demo clients, all with the one documented dev secret: Spring's in-memory repository refuses two clients
 * with the same secret, a sound rule for real clients that this one-machine issuer has no use for.
 */
final class DemoClients implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();
    private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

    DemoClients(List<RegisteredClient> clients) {
        clients.forEach(this::save);
    }

    @Override
    public void save(RegisteredClient client) {
        RegisteredClient previous = byClientId.putIfAbsent(client.getClientId(), client);
        if (previous != null && !previous.getId().equals(client.getId())) {
            throw new IllegalArgumentException("two clients named " + client.getClientId());
        }
        byClientId.put(client.getClientId(), client);
        byId.put(client.getId(), client);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId);
    }
}
