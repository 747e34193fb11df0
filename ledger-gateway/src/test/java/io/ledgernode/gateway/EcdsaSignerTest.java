package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.hyperledger.fabric.client.identity.Identities;
import org.junit.jupiter.api.Test;

class EcdsaSignerTest {

    private static KeyPair keyPair(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static byte[] digest(int i) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(("proposal " + i).getBytes());
    }

    private static BigInteger s(byte[] der) {
        return ASN1Integer.getInstance(ASN1Sequence.getInstance(der).getObjectAt(1)).getValue();
    }

    private static boolean verifies(KeyPair keys, byte[] digest, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("NONEwithECDSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(digest);
        return verifier.verify(signature);
    }

    @Test
    void every_signature_verifies_and_has_the_low_s_that_fabric_peers_require() throws Exception {
        for (String curve : new String[] {"secp256r1", "secp384r1"}) {
            KeyPair keys = keyPair(curve);
            BigInteger half = ((ECPrivateKey) keys.getPrivate()).getParams().getOrder().shiftRight(1);
            EcdsaSigner signer = EcdsaSigner.of(keys.getPrivate());
            // About half of raw ECDSA signatures have a high S: 64 signatures without one by chance is 2^-64.
            for (int i = 0; i < 64; i++) {
                byte[] signature = signer.sign(digest(i));
                assertThat(verifies(keys, digest(i), signature)).as(curve + " signature " + i).isTrue();
                assertThat(s(signature)).as(curve + " S of signature " + i).isLessThanOrEqualTo(half);
            }
        }
    }

    @Test
    void a_key_read_from_a_pem_file_as_fabric_writes_them_signs() throws Exception {
        KeyPair keys = keyPair("secp256r1");
        // The key generated above, written as a PEM file the way cryptogen's are (PKCS#8).
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
        }
        EcdsaSigner signer = EcdsaSigner.of(Identities.readPrivateKey(new StringReader(pem.toString())));
        assertThat(verifies(keys, digest(1), signer.sign(digest(1)))).isTrue();
    }

    @Test
    void signing_the_same_digest_twice_gives_the_same_signature_from_a_nonce_of_the_key_and_digest() throws Exception {
        EcdsaSigner signer = EcdsaSigner.of(keyPair("secp256r1").getPrivate());

        assertThat(signer.sign(digest(1))).isEqualTo(signer.sign(digest(1))).isNotEqualTo(signer.sign(digest(2)));
    }

    @Test
    void a_key_on_a_curve_fabric_identities_do_not_use_is_refused_with_a_reason() throws Exception {
        assertThatThrownBy(() -> EcdsaSigner.of(keyPair("secp521r1").getPrivate()))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("P-256 or P-384");
    }

    @Test
    void a_key_that_is_not_an_ec_key_is_refused_with_a_reason() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertThatThrownBy(() -> EcdsaSigner.of(rsa.generateKeyPair().getPrivate()))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("EC private key");
    }
}
