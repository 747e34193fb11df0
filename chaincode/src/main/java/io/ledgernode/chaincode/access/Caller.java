package io.ledgernode.chaincode.access;

import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.hyperledger.fabric.contract.ClientIdentity;

/** The client identity of a transaction: its org, whether it is an admin (node OU {@code admin}), and its role. */
public final class Caller {
    /** The certificate attribute (set by Fabric CA) that makes a client of the issuer org a compliance officer. */
    public static final String ROLE_ATTRIBUTE = "ledger.role";
    public static final String COMPLIANCE_ROLE = "compliance";
    /** Fabric's node OU of admins. */
    public static final String ADMIN_OU = "admin";

    private final String mspId;
    private final boolean admin;
    private final String role;

    private Caller(final String mspId, final boolean admin, final String role) {
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        this.admin = admin;
        this.role = role;
    }

    /** The caller of a transaction, from its client identity. */
    public static Caller of(final ClientIdentity identity) {
        final X509Certificate certificate = identity.getX509Certificate();
        final boolean admin = certificate != null && hasOrganizationalUnit(certificate, ADMIN_OU);
        return new Caller(identity.getMSPID(), admin, identity.getAttributeValue(ROLE_ATTRIBUTE));
    }

    public String mspId() {
        return mspId;
    }

    /** Whether the certificate carries the admin node OU. */
    public boolean admin() {
        return admin;
    }

    /** The {@code ledger.role} attribute, or null. */
    public String role() {
        return role;
    }

    private static boolean hasOrganizationalUnit(final X509Certificate certificate, final String unit) {
        final String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        try {
            for (final Rdn rdn : new LdapName(subject).getRdns()) {
                if ("OU".equalsIgnoreCase(rdn.getType()) && unit.equals(String.valueOf(rdn.getValue()))) {
                    return true;
                }
            }
        } catch (final InvalidNameException e) {
            // An RFC 2253 name from the JDK always parses; a caller with an unparsable subject is simply not admin.
            return false;
        }
        return false;
    }
}
