/**
 * Signing manifests: a detached CMS SignedData (DER) over {@code manifest.json}, made with the org's key as Fabric's
 * cryptogen writes it (an X.509 certificate PEM and a PKCS#8 EC private key PEM), with the signer's certificate
 * inside so a verifier needs nothing but the org's CA certificate. ECDSA signatures are randomized: the same manifest
 * signed twice gives two different, equally valid signatures.
 */
package io.ledgernode.reports.sign;
