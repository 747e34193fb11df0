package io.ledgernode.proof.trust;

import io.ledgernode.proof.msp.Certificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Loads root certificates from PEM files, or from every {@code .pem}/{@code .crt} file of a directory tree. */
public final class RootCertificates {
    /** Most files read from one directory tree: a consortium has a handful of orgs. */
    static final int FILES_MAX = 1000;

    private RootCertificates() {}

    public static List<X509Certificate> load(Path fileOrDirectory) throws IOException, CertificateException {
        if (!Files.isDirectory(fileOrDirectory)) {
            return Certificates.readAll(Files.readAllBytes(fileOrDirectory));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".pem") || p.toString().endsWith(".crt"))
                    .sorted().limit(FILES_MAX + 1L).toList();
        }
        if (files.size() > FILES_MAX) {
            throw new IOException(fileOrDirectory + " holds more than " + FILES_MAX + " certificate files");
        }
        List<X509Certificate> roots = new ArrayList<>();
        for (Path file : files) {
            roots.addAll(Certificates.readAll(Files.readAllBytes(file)));
        }
        return roots;
    }
}
