package kr.dolbom.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The issuer's RSA key, kept in a file: a key generated at each start would void every token the services hold
 * (and every cached JWK set) whenever the local stack restarts.
 */
final class SigningKey {

    private SigningKey() {}

    static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            write(file, key.toJSONString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("signing key " + file.toAbsolutePath(), e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("signing key " + file.toAbsolutePath() + " is not an RSA JWK", e);
        }
    }

    // Written beside its place and moved in, so that a crash mid-write never leaves a half key to fail on next
    // start; readable by the owner only, as it is a private key.
    private static void write(Path file, String json) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "signing-key", ".partial");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(partial, json, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
