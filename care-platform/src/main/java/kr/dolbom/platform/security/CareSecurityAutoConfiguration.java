package kr.dolbom.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.dolbom.platform.web.ProblemResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.publisher.Mono;

/**
 * Who is calling, from a bearer JWT of the one issuer the service trusts. On unless
 * {@value #ENABLED}{@code =false}: every {@code /api/**} call needs a valid token, the caller reaches handlers as a
 * {@link Caller} argument, and 401/403 are problem details. A service without an issuer to trust does not start.
 *
 * <p>Off — only for the benchmark's comparison of the cost of security — the service takes the caller from a bearer
 * token without checking its signature, issuer, audience or expiry, and applies the same access policies: the
 * difference between the two is what checking tokens costs. Without a token there is no {@link Caller}, and a
 * handler that needs one answers 401 either way, so that a caller is never built from request parameters.
 */
@AutoConfiguration(
        before = {
            ReactiveWebSecurityAutoConfiguration.class,
            ReactiveOAuth2ResourceServerAutoConfiguration.class,
            ReactiveUserDetailsServiceAutoConfiguration.class,
            ReactiveManagementWebSecurityAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(SecurityWebFilterChain.class)
@EnableWebFluxSecurity
public class CareSecurityAutoConfiguration {

    public static final String ENABLED = "dolbom.security.enabled";

    /** What every token must be addressed to: a token the issuer minted for another API is not for us. */
    public static final String DEFAULT_AUDIENCE = "dolbom";

    @Bean
    WebFluxConfigurer callerArguments() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityProblems securityProblems(ServerCodecConfigurer codecs) {
        return new SecurityProblems(new ProblemResponses(codecs));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
    static class TokensRequired {

        /**
         * Keys from the JWK set URI when given, else from the issuer's discovery document; the issuer, when given,
         * must also be the token's {@code iss}. Only RS256 and ES256: {@code alg: none}, HMAC with the public key
         * as secret and any other algorithm are refused before a key is even looked up.
         */
        @Bean
        @ConditionalOnMissingBean
        ReactiveJwtDecoder careJwtDecoder(
                @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
                @Value("${dolbom.security.audience:" + DEFAULT_AUDIENCE + "}") String audience) {
            if (issuer.isBlank() && jwkSetUri.isBlank()) {
                throw new IllegalStateException(ENABLED + "=true needs the issuer to trust: set"
                        + " spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri)");
            }
            NimbusReactiveJwtDecoder decoder = (jwkSetUri.isBlank()
                            ? NimbusReactiveJwtDecoder.withIssuerLocation(issuer)
                            : NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri))
                    .jwsAlgorithms(algorithms -> {
                        algorithms.clear();
                        algorithms.add(SignatureAlgorithm.RS256);
                        algorithms.add(SignatureAlgorithm.ES256);
                    })
                    .build();
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(new JwtAudienceValidator(audience));
            // The default checks exp only when present; a token that never expires is not accepted.
            validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
            if (!issuer.isBlank()) {
                validators.add(new JwtIssuerValidator(issuer));
            }
            decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
            return decoder;
        }

        /**
         * Open: the probes (a kubelet has no token) and the API documents and Swagger UI, so that one can sign in
         * from them. Every other actuator endpoint, Prometheus included, is for operators (Prometheus scrapes with
         * an operator client's token: its scrape config has an {@code oauth2} client-credentials block); the API
         * is for any authenticated caller, each operation's rule in the service's access policy deciding the rest.
         */
        @Bean
        @ConditionalOnMissingBean
        SecurityWebFilterChain careSecurity(
                ServerHttpSecurity http,
                ReactiveJwtDecoder decoder,
                SecurityProblems problems,
                @Value("${management.endpoints.web.base-path:/actuator}") String actuator,
                @Value("${springdoc.api-docs.path:/v3/api-docs}") String apiDocs) {
            return http.csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens, no cookies to forge with
                    .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                    .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                    .logout(ServerHttpSecurity.LogoutSpec::disable)
                    .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                    .authorizeExchange(exchanges -> exchanges
                            .pathMatchers(HttpMethod.GET, actuator + "/health/liveness", actuator + "/health/readiness")
                            .permitAll()
                            .pathMatchers(actuator, actuator + "/**")
                            .hasRole(CareRole.OPERATOR.name())
                            .pathMatchers(
                                    HttpMethod.GET,
                                    apiDocs,
                                    apiDocs + "/**",
                                    apiDocs + ".yaml",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**",
                                    "/webjars/swagger-ui/**")
                            .permitAll()
                            .pathMatchers("/api/**")
                            .authenticated()
                            .anyExchange()
                            .authenticated())
                    .oauth2ResourceServer(server -> server.jwt(jwt ->
                                    jwt.jwtDecoder(decoder).jwtAuthenticationConverter(new CallerTokenConverter()))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems))
                    .exceptionHandling(exceptions ->
                            exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = ENABLED, havingValue = false)
    static class OpenAccess {

        @Bean
        @ConditionalOnMissingBean
        SecurityWebFilterChain openAccess(ServerHttpSecurity http, SecurityProblems problems) {
            return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                    .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                    .logout(ServerHttpSecurity.LogoutSpec::disable)
                    .headers(ServerHttpSecurity.HeaderSpec::disable)
                    .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                    .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                    .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtDecoder(UncheckedTokens::read)
                                    .jwtAuthenticationConverter(new CallerTokenConverter()))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems))
                    .exceptionHandling(exceptions ->
                            exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                    .build();
        }

        /** Keeps Boot from creating a user with a generated password that nothing would ever ask for. */
        @Bean
        @ConditionalOnMissingBean
        ReactiveAuthenticationManager noAuthentication() {
            return authentication -> Mono.empty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class SignInFromSwagger {

        static final String SIGN_IN = "sign-in";
        static final String BEARER = "bearer";

        static {
            // the Caller comes from the token, not from the request: not an input of any operation
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        }

        /**
         * Both ways to present a token: signing in through the issuer (authorization code + PKCE; the paths are
         * Spring Authorization Server's unless configured, as a city's issuer may place them elsewhere) or
         * pasting one. Either satisfies every operation.
         */
        @Bean
        @ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
        OpenApiCustomizer careSecuritySchemes(
                @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                @Value("${dolbom.security.openapi.authorization-url:}") String authorizationUrl,
                @Value("${dolbom.security.openapi.token-url:}") String tokenUrl) {
            return openApi -> {
                Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
                openApi.setComponents(components);
                components.addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT"));
                openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
                String authorize = authorizationUrl.isBlank() && !issuer.isBlank()
                        ? issuer + "/oauth2/authorize"
                        : authorizationUrl;
                String token = tokenUrl.isBlank() && !issuer.isBlank() ? issuer + "/oauth2/token" : tokenUrl;
                if (!authorize.isBlank() && !token.isBlank()) {
                    components.addSecuritySchemes(
                            SIGN_IN,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.OAUTH2)
                                    .flows(new OAuthFlows()
                                            .authorizationCode(new OAuthFlow()
                                                    .authorizationUrl(authorize)
                                                    .tokenUrl(token)
                                                    .scopes(new Scopes().addString("openid", "who you are")))));
                    openApi.addSecurityItem(new SecurityRequirement().addList(SIGN_IN, "openid"));
                }
            };
        }
    }
}
