package org.lmssync.simulator.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lmssync.simulator.DataGen;
import org.lmssync.simulator.Json;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** The simulated service account: identity plus an RSA 2048 key pair. */
public final class ServiceAccount {
    // Generating RSA 2048 costs up to a second; one pair per JVM keeps test suites fast.
    // Each simulator still has its own email and key id, so tokens are not shared.
    private static KeyPair sharedKeys;

    private final String projectId;
    private final String email;
    private final String clientId;
    private final String privateKeyId;
    private final KeyPair keys;

    private ServiceAccount(String projectId, String email, String clientId, String privateKeyId, KeyPair keys) {
        this.projectId = projectId;
        this.email = email;
        this.clientId = clientId;
        this.privateKeyId = privateKeyId;
        this.keys = keys;
    }

    static ServiceAccount create(long seed, String projectId) {
        SplittableRandom r = DataGen.rng(seed, 11);
        String name = "lms-sync-" + DataGen.letters(r, 6);
        String email = name + "@" + projectId + ".iam.gserviceaccount.com";
        String clientId = "1" + DataGen.digits(r, 20);
        byte[] kid = new byte[20];
        for (int i = 0; i < kid.length; i++) {
            kid[i] = (byte) r.nextInt(256);
        }
        return new ServiceAccount(projectId, email, clientId, HexFormat.of().formatHex(kid), keys());
    }

    private static synchronized KeyPair keys() {
        if (sharedKeys == null) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                sharedKeys = g.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return sharedKeys;
    }

    public String email() {
        return email;
    }

    public String clientId() {
        return clientId;
    }

    public String privateKeyId() {
        return privateKeyId;
    }

    public String projectId() {
        return projectId;
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    public RSAPrivateKey privateKey() {
        return (RSAPrivateKey) keys.getPrivate();
    }

    /** PKCS#8 PEM, the form Google puts in key files. */
    public String privateKeyPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    /** A key file in Google's service-account JSON layout, pointing token_uri at the simulator. */
    String keyFileJson(String tokenUri, String baseUrl) {
        ObjectNode o = Json.object();
        o.put("type", "service_account");
        o.put("project_id", projectId);
        o.put("private_key_id", privateKeyId);
        o.put("private_key", privateKeyPem());
        o.put("client_email", email);
        o.put("client_id", clientId);
        o.put("auth_uri", baseUrl + "/o/oauth2/auth");
        o.put("token_uri", tokenUri);
        o.put("auth_provider_x509_cert_url", baseUrl + "/oauth2/v1/certs");
        o.put("client_x509_cert_url", baseUrl + "/robot/v1/metadata/x509/" + email);
        o.put("universe_domain", "googleapis.com");
        return Json.text(o);
    }
}
