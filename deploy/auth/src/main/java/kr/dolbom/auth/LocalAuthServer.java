package kr.dolbom.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A real OAuth2 / OpenID Connect issuer for the local stack, so that the services validate the same signed tokens
 * locally as against the city's identity provider in production, where this server does not run.
 */
@SpringBootApplication
@EnableConfigurationProperties(AuthProperties.class)
public class LocalAuthServer {

    public static void main(String[] args) {
        SpringApplication.run(LocalAuthServer.class, args);
    }
}
