package kr.dolbom.reporting.dashboard;

import java.time.Clock;
import kr.dolbom.platform.security.CareSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The dashboard's files are open: a browser fetches a page before it has a token, and the pages carry no figures,
 * only the code that asks the API for them with the signed-in official's bearer token. Everything else stays
 * behind the platform's chain.
 *
 * <p>An auto-configuration after the platform's, not a user configuration: the platform creates its chain only when
 * no other {@link SecurityWebFilterChain} exists yet, and this one must come in addition to it, not instead.
 */
@AutoConfiguration(after = CareSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class DashboardSecurity {

    static final String PAGES = "/dashboard/**";
    static final String CHART_JS = "/webjars/chart.js/**";
    /** The ops view's server-sent events: opened with a ticket ({@link StreamTickets}), as EventSource sends no header. */
    public static final String OPS_STREAM = "/api/v1/operations/queue/stream";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /**
     * The pages keep the token in sessionStorage, so a script of anyone else must never run in them: scripts only
     * from this origin, none inline, calls to this origin only, and no page may frame them.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain dashboardFiles(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PAGES, CHART_JS))
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // nothing here changes state
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /**
     * Reporting's own component; where this configuration applies without reporting's scan (the local stack runs the
     * four services on one class path) the chain below still needs its tickets.
     */
    @Bean
    @ConditionalOnMissingBean
    StreamTickets streamTickets(Clock clock) {
        return new StreamTickets(clock);
    }

    /**
     * The ops stream authenticates by ticket alone, in RFC 6750's query parameter ({@code access_token}): the ticket
     * stands for the bearer token its caller showed a moment before, so the handler gets the same {@code Caller} and
     * its access rule decides as for any call. Anything else (no ticket, a bearer token itself, a used one) is 401.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain opsStream(
            ServerHttpSecurity http,
            StreamTickets tickets,
            ServerAuthenticationEntryPoint problems,
            ServerAccessDeniedHandler denied) {
        ServerBearerTokenAuthenticationConverter ticket = new ServerBearerTokenAuthenticationConverter();
        ticket.setAllowUriQueryParameter(true);
        AuthenticationWebFilter redeem = new AuthenticationWebFilter(tickets);
        redeem.setServerAuthenticationConverter(ticket);
        redeem.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(problems));
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(OPS_STREAM))
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // a ticket in the URL, no cookie to forge a request with
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterAt(redeem, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(denied))
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .build();
    }
}
