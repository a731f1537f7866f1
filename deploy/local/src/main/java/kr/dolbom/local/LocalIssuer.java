package kr.dolbom.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local token issuer ({@code deploy/auth}, a Spring Authorization Server) as part of the stack: built like the
 * services, started in a JVM of its own before them, with its signing key under the stack's data directory so that
 * tokens outlive a restart; and what the services are told to trust it.
 */
final class LocalIssuer {

    static final String NAME = "local-auth";
    static final int PORT = 9000;
    /** The issuer's public client for people at a browser (authorization code + PKCE). */
    static final String WEB_CLIENT = "dolbom-web";

    /** The issuer needs no database and no broker, and little heap: it signs a token now and then. */
    static final String JAVA_OPTIONS = "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** Every demo role, each with one of its callers: what {@code run.sh} prints for {@code token.sh}. */
    static final List<List<String>> DEMO_ROLES = List.of(
            List.of("window", "window@mapo"),
            List.of("care manager", "care-manager@mapo"),
            List.of("provider", "provider@mapo-homecare-coop"),
            List.of("billing officer", "billing@mapo"),
            List.of("privacy officer", "privacy@mapo"),
            List.of("city", "city@seoul"),
            List.of("agency (client only)", "agency@mapo-hospital"),
            List.of("operator", "operator@local"));

    private LocalIssuer() {}

    static ServiceProcess process(StackOptions options) {
        return new ServiceProcess(NAME, options.authPort(), options.logs().resolve(NAME + ".log"));
    }

    static void start(ServiceProcess issuer, StackOptions options) {
        // The key file goes by the environment, so that no command line but PostgreSQL's names the data directory.
        issuer.start(
                options.servicesDir().resolve(NAME + ".jar"),
                JAVA_OPTIONS,
                List.of("--server.port=" + options.authPort()),
                Map.of("DOLBOM_AUTH_KEY_FILE", keyFile(options).toString()));
    }

    static Path keyFile(StackOptions options) {
        return options.dataDir().resolve("auth").resolve("signing-key.json");
    }

    /** The issuer as it names itself in every token ({@code iss}) and as a browser reaches it for Swagger UI. */
    static String uri(StackOptions options) {
        return "http://localhost:" + options.authPort();
    }

    /**
     * What each service is started with: security on, trusting this issuer (its keys fetched from the JWK set URI,
     * so no discovery is needed); or, with {@code --no-security}, explicitly off.
     */
    static Map<String, String> serviceEnvironment(StackOptions options) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DOLBOM_SECURITY_ENABLED", Boolean.toString(options.security()));
        if (options.security()) {
            environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", uri(options));
            environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", uri(options) + "/oauth2/jwks");
            // Swagger UI's Authorize button: the issuer's public browser client, with PKCE as the issuer requires.
            environment.put("SPRINGDOC_SWAGGERUI_OAUTH_CLIENTID", WEB_CLIENT);
            environment.put("SPRINGDOC_SWAGGERUI_OAUTH_USEPKCEWITHAUTHORIZATIONCODEGRANT", "true");
        }
        return environment;
    }

    /** {@code token.sh}, with where the issuer is when it is not at its default place. */
    static String tokenCommand(StackOptions options, String caller) {
        String where = options.authPort() == PORT ? "" : "DOLBOM_AUTH_URL=" + uri(options) + " ";
        return where + "deploy/local/token.sh " + caller;
    }
}
