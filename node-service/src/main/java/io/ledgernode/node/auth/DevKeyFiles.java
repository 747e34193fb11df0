package io.ledgernode.node.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;

/** The development key pair on disk: the private key as a JWK file (owner-only), its public half as a JWKS file. */
final class DevKeyFiles {

    static final String SIGNING_KEY_FILE = "dev-signing-key.jwk";
    static final String JWKS_FILE = "dev-jwks.json";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private DevKeyFiles() {}

    /** The private key in {@code dir}, created on first use; the public JWKS file rewritten when it does not match. */
    static ECKey ensure(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path keyFile = dir.resolve(SIGNING_KEY_FILE);
        ECKey key;
        if (Files.exists(keyFile)) {
            key = read(keyFile);
        } else {
            key = generate();
            writeAtomically(keyFile, key.toJSONString(), OWNER_ONLY);
        }
        // Rewriting a stale public file (left from an earlier, deleted key) keeps the pair consistent.
        JWKSet publicKeys = new JWKSet(key.toPublicJWK());
        Path jwksFile = dir.resolve(JWKS_FILE);
        if (!publicKeys.equals(readJwksOrNull(jwksFile))) {
            writeAtomically(jwksFile, publicKeys.toString(), WORLD_READABLE);
        }
        return key;
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an ES256 key: " + e.getMessage(), e);
        }
    }

    private static ECKey read(Path keyFile) throws IOException {
        ECKey key;
        try {
            key = ECKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException(keyFile + " is not an EC JWK; delete it to generate a new key", e);
        }
        if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
            throw new IllegalStateException(keyFile + " is not a private P-256 key; delete it to generate a new key");
        }
        return key;
    }

    private static JWKSet readJwksOrNull(Path jwksFile) throws IOException {
        if (!Files.exists(jwksFile)) {
            return null;
        }
        try {
            return JWKSet.parse(Files.readString(jwksFile, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            return null;
        }
    }

    /** Written beside the target and moved over it, so that no reader ever sees half a key. */
    private static void writeAtomically(Path target, String content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (Files.getFileAttributeView(temporary, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temporary, permissions);
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
