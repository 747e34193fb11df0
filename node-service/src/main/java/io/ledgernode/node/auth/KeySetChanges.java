package io.ledgernode.node.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.RefreshAheadCachingJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.events.Event;
import com.nimbusds.jose.util.events.EventListener;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Watches the key sets fetched from an issuer's JWKS URL and runs {@code onChange} when one differs from the set before
 * it (a key added, removed or replaced): the tokens verified under the old set are then to be verified again. The
 * first set fetched is no change. Sets are compared by their keys' RFC 7638 thumbprints, so the order of the keys and
 * fields a key carries beside its key material do not count. Thread-safe.
 */
final class KeySetChanges implements EventListener<CachingJWKSetSource<SecurityContext>, SecurityContext> {

    private final Runnable onChange;
    private Set<String> lastThumbprints;

    KeySetChanges(Runnable onChange) {
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    @Override
    public void notify(Event<CachingJWKSetSource<SecurityContext>, SecurityContext> event) {
        if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext> completed) {
            seen(completed.getJWKSet());
        } else if (event instanceof RefreshAheadCachingJWKSetSource.ScheduledRefreshCompletedEvent<SecurityContext> completed) {
            seen(completed.getJWKSet());
        }
    }

    /** A key set just fetched. */
    void seen(JWKSet keys) {
        Set<String> thumbprints = thumbprints(keys);
        boolean changed;
        synchronized (this) {
            changed = lastThumbprints != null && !lastThumbprints.equals(thumbprints);
            lastThumbprints = thumbprints;
        }
        if (changed) {
            onChange.run();
        }
    }

    private static Set<String> thumbprints(JWKSet keys) {
        Set<String> thumbprints = new HashSet<>();
        for (JWK key : keys.getKeys()) {
            try {
                thumbprints.add(key.computeThumbprint().toString() + "/" + key.getKeyID());
            } catch (JOSEException e) {
                // Every key type nimbus parses has a thumbprint; one that has none still counts, by its own text.
                thumbprints.add(key.toJSONString());
            }
        }
        return thumbprints;
    }
}
