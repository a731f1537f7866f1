package kr.dolbom.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may get a token and what it says. Every demo account is a login (authorization code + PKCE through the
 * public client {@code dolbom-web}, as Swagger UI and the dashboard sign in) and, for scripts and tests that have
 * no browser, a confidential client of the same name whose client-credentials tokens carry the same claims.
 * Agencies are systems: a client only.
 */
@Configuration(proxyBeanMethods = false)
class AuthServerConfiguration {

    /** The audience every service requires: a token minted for some other API is not accepted by ours. */
    static final String AUDIENCE = "dolbom";

    static final String WEB_CLIENT = "dolbom-web";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                // A browser that is not signed in is sent to the login page; an API client gets 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(AuthProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.keyFile())));
    }

    @Bean
    RegisteredClientRepository clients(AuthProperties properties) {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.tokenTtl())
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(WEB_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.webRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build());
        for (AuthProperties.Account account : properties.accounts()) {
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(account.name())
                    .clientSecret("{noop}" + properties.devSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens)
                    .build());
        }
        return new DemoClients(clients);
    }

    @Bean
    UserDetailsService people(AuthProperties properties) {
        return new InMemoryUserDetailsManager(properties.accounts().stream()
                .filter(AuthProperties.Account::signsIn)
                .map(account -> User.withUsername(account.name())
                        .password("{noop}" + properties.devSecret())
                        .roles(account.role())
                        .build())
                .toList());
    }

    /**
     * The claims the services read: the account is the signed-in user for authorization code, the client itself
     * for client credentials; either way its name. An access token of any other caller gets no role, which the
     * services refuse.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> careClaims(AuthProperties properties) {
        Map<String, AuthProperties.Account> accounts = properties.accounts().stream()
                .collect(Collectors.toMap(AuthProperties.Account::name, Function.identity()));
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            AuthProperties.Account account = accounts.get(context.getPrincipal().getName());
            if (account == null) {
                return;
            }
            context.getClaims().audience(List.of(AUDIENCE)).claim("role", account.role());
            if (account.district() != null) {
                context.getClaims().claim("district", account.district());
            }
            if (account.provider() != null) {
                context.getClaims().claim("provider", account.provider());
            }
            if (!account.dongs().isEmpty()) {
                context.getClaims().claim("dongs", account.dongs());
            }
        };
    }

    /** Swagger UI runs on each service's own origin and fetches the token from here. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(AuthProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        properties.webRedirectUris().stream()
                .map(URI::create)
                .map(uri -> uri.getScheme() + "://" + uri.getAuthority())
                .distinct()
                .forEach(cors::addAllowedOrigin);
        cors.addAllowedMethod("GET");
        cors.addAllowedMethod("POST");
        cors.addAllowedHeader("*");
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
